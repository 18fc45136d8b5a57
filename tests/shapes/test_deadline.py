"""A report's check runs in a child process that is killed at its deadline (atkg.shapes.deadline): a check
stuck past its limit is stopped for good, its process gone; the verdict and the check's own refusals come back
whole; a child that dies is said in a sentence."""

import os
import signal

import pytest

from atkg.shapes import deadline
from atkg.shapes.check import CheckVerdict
from atkg.shapes.deadline import CheckStopped, CheckTimeout, check_within_limit
from atkg.shapes.report_source import N_, CheckError, ReportTooLarge


def stuck_check(pid_file):
    """A check that writes its process id, then never ends."""

    def check(text, **_):
        pid_file.write_text(str(os.getpid()))
        signal.pause()

    return check


def test_a_check_running_past_its_limit_is_killed_and_said_in_both_languages(monkeypatch, tmp_path):
    pid_file = tmp_path / "pid"
    monkeypatch.setattr(deadline, "check_report_text", stuck_check(pid_file))
    with pytest.raises(CheckTimeout) as stopped:
        check_within_limit("report", context=None, timeout=0.5)
    assert stopped.value.message("en") == (
        "The check took longer than its limit of 0.5 seconds and was stopped: nothing was kept. A yearly report "
        "of 20-60 KB is checked in a few seconds; try again in a moment, or check that the file is one report's "
        "text alone.")
    assert stopped.value.message("az").startswith("Yoxlama 0.5 saniyəlik həddindən uzun çəkdi və dayandırıldı")
    with pytest.raises(ProcessLookupError):  # killed and reaped, not left polling a flag
        os.kill(int(pid_file.read_text()), 0)


def test_the_verdict_comes_back_from_the_child(monkeypatch):
    monkeypatch.setattr(deadline, "check_report_text", lambda text, **facts: (text, os.getpid(), facts))
    text, pid, facts = check_within_limit("report", context="ctx", agency="dmx", year=2021, stem="r")
    assert (text, facts) == ("report", {"context": "ctx", "agency": "dmx", "year": 2021, "stem": "r"})
    assert pid != os.getpid()


def verdict_with_graphs(text, **_):
    """A verdict as check_report_text makes it, with one report graph."""
    return CheckVerdict(stem="r", agency_key="dmx", agency_name="Dövlət Miqrasiya Xidməti", year=2021,
                        report_iri="https://w3id.org/atkg/report/dmx/2021", coverage=(), outcome=None,
                        graphs={"https://w3id.org/atkg/graph/source/r": {"triple"}})


@pytest.mark.parametrize(("keep_graphs", "graphs"), [
    (True, {"https://w3id.org/atkg/graph/source/r": {"triple"}}),
    (False, {}),
])
def test_the_report_graphs_come_back_only_when_kept(monkeypatch, keep_graphs, graphs):
    monkeypatch.setattr(deadline, "check_report_text", verdict_with_graphs)
    verdict = check_within_limit("report", context=None, keep_graphs=keep_graphs)
    assert verdict.graphs == graphs
    assert verdict == verdict_with_graphs("report")  # the rest as checked (graphs are not compared)


@pytest.mark.parametrize("error", [
    CheckError(N_("%(name)s: the text is empty: nothing to check"), {"name": "r"}),
    ReportTooLarge(size=300_000, name="r"),
])
def test_the_checks_own_refusal_comes_back_in_both_languages(monkeypatch, error):
    def refuse(text, **_):
        raise error

    monkeypatch.setattr(deadline, "check_report_text", refuse)
    with pytest.raises(CheckError) as refused:
        check_within_limit("report", context=None)
    assert type(refused.value) is type(error)
    assert [refused.value.message(language) for language in ("en", "az")] == [
        error.message(language) for language in ("en", "az")]
    assert refused.value.message("az") != refused.value.message("en")


def test_a_child_that_dies_is_said_in_a_sentence(monkeypatch):
    monkeypatch.setattr(deadline, "check_report_text", lambda text, **_: os.kill(os.getpid(), signal.SIGKILL))
    with pytest.raises(CheckStopped) as stopped:
        check_within_limit("report", context=None)
    assert stopped.value.message("az") == ("Yoxlama başa çatmamış dayandı: heç nə saxlanılmadı. Bir az sonra "
                                           "yenidən cəhd edin.")
