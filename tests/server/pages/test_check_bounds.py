"""/check within bounds: a report larger than MAX_REPORT_BYTES is refused at once with 413 and a sentence in
the page's language, a check that finds the check slot taken is refused with 503 and Retry-After, and so is
a check stopped at its time limit."""

import multiprocessing
import urllib.parse

import pytest

from atkg.graph.sources import sources_dir
from atkg.server import create_app
from atkg.server.pages.check import BUSY_RETRY_SECONDS, CHECK_LOCK
from atkg.shapes.report_source import MAX_REPORT_BYTES
from tests.server.helpers import fetch

FORM = {"Accept": "text/html", "Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.parametrize("lang, message", [
    ("en", f"the text: the report is {MAX_REPORT_BYTES + 1} bytes, more than the {MAX_REPORT_BYTES} bytes a report "
           "may have (a yearly report is 20-60 KB): check that the file is the report&#39;s text alone"),
    ("az", f"mətn: hesabat {MAX_REPORT_BYTES + 1} baytdır, hesabatın ola biləcəyi {MAX_REPORT_BYTES} baytdan çoxdur "
           "(illik hesabat 20-60 KB olur): faylın yalnız hesabatın mətni olduğunu yoxlayın"),
])
def test_a_report_over_the_limit_is_refused_with_413_in_the_pages_language(real_server, lang, message):
    body = urllib.parse.urlencode({"text": "a" * (MAX_REPORT_BYTES + 1)})  # within the request's own bound
    status, _, answer = fetch(f"{real_server.base}/check?lang={lang}", method="POST", body=body, headers=FORM)
    assert status == 413 and message in answer.decode()


def test_a_request_too_large_to_hold_a_report_is_refused_before_its_form_is_read(real_server):
    body = urllib.parse.urlencode({"text": "a" * (MAX_REPORT_BYTES + 20_000)})
    status, _, answer = fetch(f"{real_server.base}/check?lang=en", method="POST", body=body, headers=FORM)
    assert status == 413
    assert f"the request: the report is {len(body)} bytes, more than the {MAX_REPORT_BYTES} bytes" in answer.decode()


def test_the_check_page_states_the_limit(real_server):
    status, _, answer = fetch(f"{real_server.base}/check?lang=en", headers={"Accept": "text/html"})
    assert status == 200
    assert f"A report may have up to {MAX_REPORT_BYTES} bytes (a yearly report has 20-60 KB)." in answer.decode()


def test_a_check_while_the_check_slot_is_taken_is_refused_with_503_and_retry_after(rdf_dir, tmp_path):
    app = create_app({"DATA": [str(rdf_dir)], "DATA_DIR": str(tmp_path), "QUERY_WORKERS": 1})
    try:
        with CHECK_LOCK:  # another check holds the slot
            answer = app.test_client().post("/check?lang=en", data={"text": "report"})
        assert (answer.status_code, answer.headers["Retry-After"]) == (503, str(BUSY_RETRY_SECONDS))
        assert "Another report is being checked: try again in a few seconds." in answer.get_data(as_text=True)
        assert app.test_client().post("/check?lang=en", data={"text": " "}).status_code == 422  # the slot is free
    finally:
        app.extensions["atkg.engine"].close()


def test_a_check_longer_than_its_time_limit_is_stopped_with_503_in_the_pages_language(built):
    settings, _ = built
    report = (sources_dir() / "002_e692b092547fc0c1.txt").read_text(encoding="utf-8")  # a second or more to check
    app = create_app({"STORE": str(settings.store_dir), "DATA_DIR": str(settings.data_dir), "QUERY_WORKERS": 1,
                      "CHECK_TIMEOUT": 0.05})
    try:
        answer = app.test_client().post("/check?lang=az", data={"text": report})
    finally:
        app.extensions["atkg.engine"].close()
    assert (answer.status_code, answer.headers["Retry-After"]) == (503, str(BUSY_RETRY_SECONDS))
    assert ("Yoxlama 0.05 saniyəlik həddindən uzun çəkdi və dayandırıldı: heç nə saxlanılmadı."
            in answer.get_data(as_text=True))
    assert multiprocessing.active_children() == []  # the check's process was killed and reaped
