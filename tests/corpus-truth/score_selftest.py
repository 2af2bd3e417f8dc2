#!/usr/bin/env python3
"""Tests of the corpus-truth scorer (score.py) on a hand-written truth and
outline pair (selftest/sample.truth, selftest/sample.json), so the scorer
itself is checked everywhere, corpus or not.

Usage: score_selftest.py CASE    (one ctest test per CASE, tests.cmake)
Standard library only.
"""
import contextlib
import io
import os
import stat
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import score  # noqa: E402  (the module under test sits beside this file)

SAMPLE_TRUTH = os.path.join(HERE, "selftest", "sample.truth")
SAMPLE_JSON = os.path.join(HERE, "selftest", "sample.json")

failures = []


def expect(cond, msg):
    if not cond:
        failures.append(msg)


def load_sample():
    import json
    truth, _ = score.parse_truth(SAMPLE_TRUTH)
    with open(SAMPLE_JSON, encoding="utf-8") as fh:
        pred = score.parse_outline(json.load(fh))
    return truth, pred


def case_counts_on_the_sample_pair_are_the_hand_counted_ones():
    truth, pred = load_sample()
    c, wrong = score.score_file(truth, pred)
    # Counted by hand from the comments in selftest/sample.truth.
    want = {"entries": 8, "entries_right": 5, "titles_right": 6, "orgs_right": 6,
            "dated": 8, "dates_right": 6, "bullets": 16, "bullets_attached": 10,
            "entries_found": 7, "invented": 1, "missing": 1, "roles_none": 0}
    for key, value in want.items():
        expect(c[key] == value, "%s: want %d, got %d" % (key, value, c[key]))
    kinds = sorted(k for k, _, _ in wrong)
    expect(kinds == ["invented", "missing", "wrong dates", "wrong title+org"],
           "wrong-entry lines: %r" % kinds)
    f = score.figures(c)
    expect(abs(f["entries_right"] - 62.5) < 1e-9, "entries right %% = %r" % f["entries_right"])
    expect(abs(f["bullets_attached"] - 62.5) < 1e-9, "bullets attached %% = %r" % f["bullets_attached"])


def case_swapped_title_and_organisation_pair_but_count_wrong():
    t = score.Entry("Data Analyst", "Globex", "2016", "2018", 0)
    p = score.Entry("Globex", "Data Analyst", "2016", "2018", 0)
    expect(score.match([t], [p]) == [(0, 0)], "a swapped entry still pairs")
    c, _ = score.score_file([t], [p])
    expect(c["entries_right"] == 0 and c["dates_right"] == 1, "swapped is wrong, its dates right: %r" % c)


def case_repeated_titles_pair_in_reading_order():
    truth, pred = load_sample()
    pairs = dict(score.match(truth, pred))
    ti = [i for i, t in enumerate(truth) if t.title == "Analista"]
    pj = [j for j, p in enumerate(pred) if p.title == "Analista"]
    expect([pairs.get(i) for i in ti] == pj, "Analista pairs %r, want %r" % ([pairs.get(i) for i in ti], pj))
    # Without organisations or dates to tell them apart, order still decides.
    t = [score.Entry("Analista", "", "", "", 0, line=k) for k in range(4)]
    p = [score.Entry("Analista", "", "", "", 0, line=k) for k in range(3)]
    expect(score.match(t, p) == [(0, 0), (1, 1), (2, 2)], "identical titles: %r" % score.match(t, p))


def case_a_shared_start_month_pairs_but_a_shared_year_does_not():
    t = score.Entry("Ingeniero en automatización IA", "Vidext", "2025-12", "present", 4)
    p = score.Entry("Valencia", "dotgreen", "2025-12", "", 4)
    expect(score.match([t], [p]) == [(0, 0)], "garbled text, same start month: pairs")
    c, _ = score.score_file([t], [p])
    expect(c["entries_right"] == 0 and c["invented"] == 0 and c["missing"] == 0 and c["bullets_attached"] == 4,
           "paired as a wrong entry: %r" % c)
    t = score.Entry("Research Intern", "Bosch", "2011", "", 0)
    p = score.Entry("Speaker", "PyCon", "2011", "", 0)
    expect(score.match([t], [p]) == [], "a shared bare year with no text in common does not pair")


def case_folding_ignores_case_accents_punctuation_and_spaces():
    expect(score.fold("  Société\u00a0Générale. ") == "societe generale", score.fold("  Société\u00a0Générale. "))
    expect(score.fold("Ph.D.") == "ph d", score.fold("Ph.D."))
    expect(score.fold("数据科学家（兼职）") == "数据科学家 兼职", score.fold("数据科学家（兼职）"))
    expect(score.fold("Rambler&Co") == "rambler co", score.fold("Rambler&Co"))
    expect(score.fold("Senior Engineer") != score.fold("Senior Engineer II"), "a different title stays different")


def case_a_single_date_compares_equal_in_its_three_forms():
    a = score.date_key("2004", "")
    expect(a == score.date_key("", "2004") == score.date_key("2004", "2004"), "single date forms differ")
    expect(score.date_key("2004", "2005") != a, "a range is not a single date")
    expect(score.date_key("2020-01", "Present") == ("2020-01", "present"), "present is normalised")
    expect(score.date_key("", "") == (), "no dates")


def case_a_resume_with_roles_that_yields_no_entry_is_flagged():
    truth, _ = load_sample()
    c, _ = score.score_file(truth, [])
    expect(c["roles_none"] == 1 and c["missing"] == 8, "roles_none: %r" % c)
    c, _ = score.score_file([], [])
    expect(c["roles_none"] == 0, "an empty truth with no entries is not flagged")


def case_malformed_truth_lines_are_errors():
    for bad in ("entry\tTitle\tOrg\t2020\t2021\n",            # no bullets=
                "entry\tTitle\tOrg\tJune 2020\t\tbullets=1\n",  # date not normalised
                "role\tTitle\tOrg\t2020\t\tbullets=1\n"):       # unknown line kind
        with tempfile.NamedTemporaryFile("w", suffix=".truth", delete=False, encoding="utf-8") as fh:
            fh.write(bad)
        try:
            score.parse_truth(fh.name)
            failures.append("accepted %r" % bad)
        except ValueError:
            pass
        finally:
            os.unlink(fh.name)


def run_main(args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = score.main(["score.py", *args])
    return rc, out.getvalue()


def fake_corpus(tmp):
    """A corpus of one file, a truth folder for it, and a stand-in for the
    resume-ls binary that prints sample.json as the file's outline."""
    corpus = os.path.join(tmp, "corpus")
    truth_dir = os.path.join(tmp, "truth")
    os.makedirs(os.path.join(corpus, "md"))
    os.makedirs(os.path.join(corpus, "tex"))
    os.makedirs(os.path.join(truth_dir, "md"))
    os.makedirs(os.path.join(truth_dir, "tex"))
    with open(os.path.join(corpus, "md", "01-sample.md"), "w", encoding="utf-8") as fh:
        fh.write("# Sample\n")
    with open(SAMPLE_TRUTH, encoding="utf-8") as src, \
            open(os.path.join(truth_dir, "md", "01-sample.truth"), "w", encoding="utf-8") as dst:
        dst.write(src.read())
    binary = os.path.join(tmp, "fake-resume-ls")
    with open(binary, "w", encoding="utf-8") as fh:
        fh.write("#!%s\nimport sys\nsys.stdout.write(open(%r, encoding='utf-8').read())\n"
                 % (sys.executable, SAMPLE_JSON))
    os.chmod(binary, os.stat(binary).st_mode | stat.S_IXUSR)
    return binary, truth_dir, corpus


def case_a_missing_corpus_skips_with_77():
    with tempfile.TemporaryDirectory() as tmp:
        rc, out = run_main(["/bin/false", HERE, os.path.join(tmp, "nope")])
    expect(rc == 77, "exit %d" % rc)
    expect("skipped: ../shared/corpus not found" in out, out)


def case_the_baseline_is_a_ratchet():
    with tempfile.TemporaryDirectory() as tmp:
        binary, truth_dir, corpus = fake_corpus(tmp)
        base = os.path.join(tmp, "BASELINE")
        with open(base, "w", encoding="utf-8") as fh:
            fh.write("# figures\nentries_right 62.5\nbullets_attached 62.5\n")
        rc, out = run_main([binary, truth_dir, corpus, base])
        expect(rc == 0, "at the baseline: exit %d\n%s" % (rc, out))
        expect("entries right" in out and "target 95%" in out and "target 97%" in out,
               "the figures and the issue's targets are printed:\n" + out)
        with open(base, "w", encoding="utf-8") as fh:
            fh.write("entries_right 62.6\n")
        rc, out = run_main([binary, truth_dir, corpus, base])
        expect(rc == 1, "below the baseline: exit %d" % rc)
        expect("FAIL: entries_right fell to 62.5%" in out, out)
        # Raising the baseline writes today's figures, rounded down, keeping comments.
        with open(base, "w", encoding="utf-8") as fh:
            fh.write("# kept\nentries_right 1.0\n")
        os.environ["RLS_TRUTH_WRITE_BASELINE"] = "1"
        try:
            rc, out = run_main([binary, truth_dir, corpus, base])
        finally:
            del os.environ["RLS_TRUTH_WRITE_BASELINE"]
        with open(base, encoding="utf-8") as fh:
            written = fh.read()
        expect(rc == 0 and written.startswith("# kept\n") and "entries_right 62.5\n" in written
               and "dates_right 75.0\n" in written, "written baseline:\n" + written)
        rc, out = run_main([binary, truth_dir, corpus, base])
        expect(rc == 0, "a freshly written baseline holds: exit %d" % rc)
        os.environ["RLS_TRUTH_VERBOSE"] = "1"
        try:
            rc, out = run_main([binary, truth_dir, corpus])
        finally:
            del os.environ["RLS_TRUTH_VERBOSE"]
        expect("expected: Lighthouse Keeper @ North Light (2005..2006) bullets=5" in out,
               "verbose prints expected vs got:\n" + out)


def main(argv):
    cases = {name[5:]: fn for name, fn in globals().items() if name.startswith("case_")}
    if len(argv) != 2 or argv[1] not in cases:
        print("usage: score_selftest.py CASE\ncases: " + " ".join(sorted(cases)))
        return 2
    cases[argv[1]]()
    for msg in failures:
        print("FAIL: " + msg)
    if not failures:
        print("ok: " + argv[1])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
