"""The pages' two languages: which one a request wants (?lang=, then the cookie, then the browser's
Accept-Language, else Azerbaijani), and the words of the pages in each."""

from flask import request

LANGUAGES = ("az", "en")
COOKIE = "atkg_lang"
COOKIE_SECONDS = 365 * 24 * 3600

WORDS = {
    "site": ("İnsan alverinə qarşı Milli Fəaliyyət Planı: bilik qrafı",
             "National Action Plan against human trafficking: knowledge graph"),
    "home": ("Əsas səhifə", "Home"), "gallery": ("Hazır sorğular", "Saved queries"),
    "editor": ("Sorğu redaktoru", "Query editor"), "dashboard": ("İcra paneli", "Dashboard"),
    "check": ("Hesabatı yoxla", "Check a report"), "language": ("Dil", "Language"),
    "search": ("Axtarış", "Search"), "search_hint": ("Tədbir, qurum, tərəfdaş...", "Measure, body, partner..."),
    "search_none": ("Heç nə tapılmadı.", "Nothing found."),
    "search_failed": ("Axtarış hazırda işləmir.", "Search is not working right now."),
    "intro": ("Azərbaycan Respublikasında insan alverinə qarşı mübarizəyə dair 2020-2024-cü illər üçün Milli "
              "Fəaliyyət Planı və onun icrası barədə illik hesabatlar, hər fakt mənbədəki sitatı ilə.",
              "Azerbaijan's National Action Plan against trafficking in human beings 2020-2024 and the yearly "
              "reports on its implementation, each fact with the passage of the source it was read from."),
    "in_graph": ("Qrafda nə var", "What the graph holds"),
    "measures": ("Tədbirlər", "Measures"), "reports": ("Hesabatlar", "Reports"),
    "entries": ("Hesabat hissələri", "Report entries"), "events": ("Tədbirlər (hadisələr)", "Events"),
    "legal_acts": ("Hüquqi aktlar", "Legal acts"), "partners": ("Tərəfdaşlar", "Partners"),
    "figures": ("Rəqəmlər", "Figures"), "start": ("Haradan başlamalı", "Where to start"),
    "start_gallery": ("Analitiklərin tez-tez verdiyi suallara hazır cavablar, cədvəl və qrafiklə.",
                      "Ready answers to the questions analysts ask most, with a table and a chart."),
    "start_editor": ("Öz SPARQL sorğunuzu yazın və işə salın.", "Write and run your own SPARQL query."),
    "start_dashboard": ("Hansı tədbirlər hansı ildə hesabatda əks olunub; hadisələr, tərəfdaşlar, rəqəmlər.",
                        "Which measures each yearly report covered; events, partners, figures."),
    "start_check": ("Yeni hesabatın mətnini yoxlayın: heç nə yadda saxlanılmır.",
                    "Check the text of a new report: nothing is stored."),
    "run": ("İcra et", "Run"), "parameters": ("Parametrlər", "Parameters"), "required": ("vacib", "required"),
    "optional": ("istəyə görə", "optional"), "example": ("nümunə", "example"), "results": ("Nəticə", "Results"),
    "rows": ("sətir", "rows"), "no_rows": ("Bu sorğu heç bir sətir qaytarmadı.", "This query returned no rows."),
    "download": ("Yüklə", "Download"), "chart": ("Qrafik", "Chart"), "query_text": ("Sorğunun mətni", "Query text"),
    "open_in_editor": ("Redaktorda aç", "Open in the editor"),
    "statements": ("Bütün ifadələr", "All statements"), "property": ("Xüsusiyyət", "Property"),
    "value": ("Dəyər", "Value"), "inferred": ("nəticə çıxarılıb", "inferred"),
    "sources": ("Mənbədəki sitatlar", "Quotes from the sources"), "line": ("sətir", "line"),
    "linked_from": ("Buna istinad edənlər", "Pointing here"), "as_rdf": ("RDF kimi", "As RDF"),
    "not_found": ("Bu ünvanda qrafda heç nə yoxdur.", "The graph holds nothing at this address."),
    "coverage": ("Hesabatların əhatəsi", "Report coverage"),
    "coverage_help": ("Hər sətir qurumun icra etdiyi bir tədbirdir, hər sütun bir ildir. Yaşıl: həmin ilin "
                      "hesabatında bu tədbir haqqında hissə var; qırmızı: tədbirin müddəti davam edir, amma "
                      "hesabatda yoxdur; boz: həmin il üçün hesabat qrafda yoxdur; boş: tədbirin müddəti deyil.",
                      "Each row is a measure the body executes, each column a year. Green: that year's report "
                      "has an entry about the measure; red: the measure was due but the report says nothing "
                      "about it; grey: the graph holds no report for that year; blank: outside the measure's "
                      "period."),
    "covered": ("əhatə olunub", "covered"), "missing": ("yoxdur", "missing"), "no_report": ("hesabat yoxdur", "no report"),
    "not_due": ("müddət deyil", "not due"), "timeline": ("Hadisələr zaman üzrə", "Events over time"),
    "partners_by_count": ("Tərəfdaşlar (hadisələrin sayı)", "Partners (number of events)"),
    "figures_by_year": ("Rəqəmlər illər üzrə", "Figures by year"), "year": ("İl", "Year"),
    "measure": ("Tədbir", "Measure"), "count": ("Say", "Count"), "indicator": ("Göstərici", "Indicator"),
    "check_intro": ("Hesabatın mətnini yapışdırın və ya faylı seçin. Yoxlama Planla və qrafdakı məlumatla "
                    "müqayisə edir; mətn heç yerdə saxlanılmır.",
                    "Paste the report's text or choose its file. The check compares it with the plan and the "
                    "graph; the text is not stored anywhere."),
    "report_text": ("Hesabatın mətni", "Report text"), "report_file": ("və ya fayl (.txt, UTF-8)", "or a file (.txt, UTF-8)"),
    "agency_opt": ("Qurum (başlıqda yoxdursa, məsələn dmx)", "Body (if the title does not say, e.g. dmx)"),
    "year_opt": ("İl (başlıqda yoxdursa)", "Year (if the title does not say)"), "check_run": ("Yoxla", "Check"),
    "verdict": ("Nəticə", "Verdict"), "problems": ("Problemlər", "Problems"),
    "no_problems": ("Problem tapılmadı.", "No problems found."), "severity": ("Növ", "Kind"),
    "message": ("İzah", "Explanation"), "code": ("Nömrə", "Code"), "period": ("Müddət", "Period"),
    "entry": ("Hissə", "Entry"), "status": ("İcra vəziyyəti", "Status"),
    "check_empty": ("Mətn boşdur: hesabatın mətnini yapışdırın və ya faylı seçin.",
                    "The text is empty: paste the report's text or choose its file."),
    "check_not_utf8": ("Fayl UTF-8 mətn deyil. Hesabatı mətn faylı (.txt, UTF-8) kimi saxlayın.",
                       "The file is not UTF-8 text. Save the report as a text file (.txt, UTF-8)."),
    "editor_help": ("Hazır sorğulardan birini seçin və ya öz sorğunuzu yazın, sonra işə salın.",
                    "Pick one of the saved queries or write your own, then run it."),
    "pick_query": ("Hazır sorğu", "Saved query"), "load": ("Yüklə", "Load"),
    "editor_noscript": ("Redaktor JavaScript tələb edir. Onsuz sorğunu bu formada göndərə bilərsiniz.",
                        "The editor needs JavaScript. Without it, send your query with this form."),
    "offline_note": ("Bu səhifələr internetə çıxmadan işləyir.", "These pages work without the internet."),
    "tags": ("Mövzular", "Topics"),
    "query_failed": ("Bu səhifənin məlumatını qrafdan oxumaq alınmadı. Bir az sonra yenidən cəhd edin.",
                     "The data for this page could not be read from the graph. Please try again in a moment."), "violation": ("xəta", "violation"),
    "warning": ("xəbərdarlıq", "warning"), "info": ("qeyd", "note"),
}


def current_language():
    """The language of this request: ?lang=, else the cookie, else Accept-Language, else "az"."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    remembered = request.cookies.get(COOKIE)
    if remembered in LANGUAGES:
        return remembered
    return request.accept_languages.best_match(LANGUAGES) or "az"


def word(key, language=None):
    """The page word `key` in the language (this request's by default)."""
    az, en = WORDS[key]
    return en if (language or current_language()) == "en" else az


def remember_language(response):
    """Keep a ?lang= choice in a cookie so the next pages open in it."""
    if b"lang=" not in request.query_string:  # most requests: no need to parse the address (a whole query)
        return response
    asked = request.args.get("lang")
    if asked in LANGUAGES and request.cookies.get(COOKIE) != asked:
        response.set_cookie(COOKIE, asked, max_age=COOKIE_SECONDS, samesite="Lax", httponly=True)
    return response
