"""The learned scores: shipped weights, exact values on fresh sentences, selection by verifiability."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from factcheck.extract import scorer

from conftest import ROOT


def _scores(nlp, text: str, speaker=None) -> scorer.Scores:
    doc = nlp(text)
    return scorer.scores(list(doc), list(doc.ents), speaker=speaker)


def test_shipped_weights_credit_the_data_and_record_the_split():
    meta = json.loads(scorer.META.read_text(encoding="utf-8"))
    assert "ClaimBuster" in meta["about"] and "CC BY 4.0" in meta["about"]
    assert meta["sentences"] == 9260
    assert meta["split"] == "sentence_id ranges of 100: of every 20, 14 train, 3 validation, 3 test"
    assert set(meta["scores"]) == {"verifiable", "checkworthiness"}
    assert meta["scores"]["verifiable"]["weights"]["past tense"] > 0  # an event reported is checkable
    assert meta["scores"]["verifiable"]["neg_weight"] in (0.1, 0.3)  # chosen by cross-validation
    assert set(meta["scores"]["checkworthiness"]) >= {"l2", "l2_nb", "threshold", "bias", "weights", "validation", "test"}
    assert meta["scores"]["checkworthiness"]["weights"]["question"] < 0
    assert 0 < scorer.VERIFIABLE_THRESHOLD < 1
    assert scorer.VERIFIABLE_THRESHOLD == meta["scores"]["verifiable"]["threshold"]


def test_ngrams_fold_digits_keep_meaningful_punctuation_and_tags(nlp):
    doc = nlp("Prices rose 12% in 2023?")
    grams = scorer.ngrams(list(doc))
    assert grams[:6] == ["prices", "rose", "<num>", "%", "in", "?"]
    assert "<s> prices" in grams and "? </s>" in grams and "<num> %" in grams
    assert "lemma:rise" in grams and "tag:VBD" in grams and "root:rise/VBD" in grams
    assert "12" not in grams and "2023" not in grams


def test_bucket_is_stable_crc32():
    # the same number on every run and platform (unlike hash()), inside 2**HASH_BITS
    import zlib

    assert scorer.bucket("voted to") == zlib.crc32(b"voted to") % (1 << scorer.HASH_BITS)


def test_training_script_is_deterministic_on_small_data(tmp_path):
    two, three = [], []
    for i in range(120):
        sid = i * 17  # ids 0..2023: every part of the split gets sentences
        if i % 3 == 0:
            two.append({"sentence_id": sid, "label": 1, "text": f"Exports rose {i}% to ${i} million in 20{10 + i % 10}."})
            three.append({"sentence_id": sid, "label": 1, "text": f"Exports rose {i}% to ${i} million in 20{10 + i % 10}."})
        elif i % 3 == 1:
            two.append({"sentence_id": sid, "label": 0, "text": f"The mayor opened the new bridge number {i} in March."})
            three.append({"sentence_id": sid, "label": 0, "text": f"The mayor opened the new bridge number {i} in March."})
        else:
            two.append({"sentence_id": sid, "label": 0, "text": f"I think we should all work together, friend {i}."})
            three.append({"sentence_id": sid, "label": -1, "text": f"I think we should all work together, friend {i}."})
    (tmp_path / "train.json").write_text(json.dumps(two))
    (tmp_path / "three_class.json").write_text(json.dumps(three))
    outs = []
    for k in (1, 2):
        out = tmp_path / f"out{k}"
        proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_checkworthiness.py"), "--data", str(tmp_path),
                               "--out-dir", str(out), "--no-compare"], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        outs.append(((out / "scorer.json").read_bytes(), (out / "scorer.npz").read_bytes()))
    assert outs[0] == outs[1]
    meta = json.loads(outs[0][0])
    assert meta["sentences"] == 120
    assert meta["scores"]["checkworthiness"]["test"]["ap"] == 1.0
    assert meta["scores"]["verifiable"]["test"]["ap"] == 1.0


@pytest.mark.parametrize("text,verifiable,checkworthiness", [
    ("The council voted to close the library.", 0.868, 0.661),
    ("We must do better.", 0.17, 0.065),
    ("Unemployment fell to 4 percent last year.", 0.984, 0.943),
    ("Do you think that is fair?", 0.016, 0.007),
])
def test_exact_scores_of_fresh_sentences(nlp, text, verifiable, checkworthiness):
    s = _scores(nlp, text)
    assert (round(s.verifiable, 3), round(s.checkworthiness, 3)) == (verifiable, checkworthiness)


def test_contributions_name_the_terms_that_moved_each_score(nlp):
    s = _scores(nlp, "The council voted to close the library.")
    assert s.reasons == ()  # no number, date or name: the words and the grammar decide
    assert s.explain() == (
        'verifiable 0.87: lemma:vote +0.67, tag:VBD +0.56, past tense +0.56, "voted" +0.42, "<s> the" +0.34; '
        'checkworthiness 0.66: root:vote/VBD +0.73, lemma:vote +0.51, "voted" +0.46, tag:VBD +0.36, past tense +0.36'
    )
    s = _scores(nlp, "We must do better.")
    assert s.contributions["checkworthiness"][:3] == (("tag:MD", -0.331), ('"do"', -0.325), ("first person", -0.26))


def test_verifiable_assertion_without_anchor_becomes_a_claim_exhortation_does_not(claims_of_text):
    claims = claims_of_text("The council voted to close the library.\n\nWe must do better.\n")
    assert [c["text"] for c in claims] == ["The council voted to close the library."]
    c = claims[0]
    assert c["verifiable"] >= scorer.VERIFIABLE_THRESHOLD
    assert 0 <= c["checkworthiness"] <= 1


def test_explain_shows_both_scores_and_why_a_sentence_is_left_out(run, tmp_path):
    (tmp_path / "a.txt").write_text("The council voted to close the library.\n\nWe must do better.\n")
    r = run("extract", "a.txt", "-o", "a.yaml", "--explain")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert any(line.strip().startswith("verifiable ") and "; checkworthiness " in line for line in lines), r.out
    skipped = [line for line in lines if "We must do better." in line]
    assert skipped == ['  line 3: skipped (not verifiable, 0.15 < 0.41: "do" -0.27, "<s> we" +0.27, rule +0.23, '
                       'tag:MD -0.23, comparison +0.20): We must do better.'], r.out


def test_min_worth_option_and_config_key(run, tmp_path):
    text = "The council voted to close the library.\n\nUnemployment fell to 4 percent last year.\n"
    (tmp_path / "a.txt").write_text(text)
    r = run("extract", "a.txt", "-o", "all.yaml")
    assert r.code == 0, r.err
    every = yaml.safe_load((tmp_path / "all.yaml").read_text())["claims"]
    assert len(every) == 2
    floor = (every[0]["checkworthiness"] + every[1]["checkworthiness"]) / 2
    top = max(every, key=lambda c: c["checkworthiness"])["text"]
    r = run("extract", "a.txt", "-o", "floor.yaml", "--min-worth", f"{floor:.3f}")
    assert r.code == 0, r.err
    assert [c["text"] for c in yaml.safe_load((tmp_path / "floor.yaml").read_text())["claims"]] == [top]
    (tmp_path / "factcheck.yaml").write_text(f"min_worth: {floor:.3f}\n")
    r = run("extract", "a.txt", "-o", "cfg.yaml")
    assert r.code == 0, r.err
    assert [c["text"] for c in yaml.safe_load((tmp_path / "cfg.yaml").read_text())["claims"]] == [top]
    r = run("extract", "a.txt", "-o", "bad.yaml", "--min-worth", "1.5")
    assert r.code == 2
    assert not (tmp_path / "bad.yaml").exists()


def test_min_worth_in_config_must_be_a_score(run, tmp_path):
    (tmp_path / "factcheck.yaml").write_text("min_worth: 2\n")
    (tmp_path / "a.txt").write_text("The council voted to close the library.\n")
    r = run("extract", "a.txt", "-o", "a.yaml")
    assert r.code == 2  # an invalid factcheck.yaml is a configuration error (exit 2), as for every command
    assert r.err == ("factcheck.yaml:1:12: min_worth: must be at most 1, not 2\n"
                     "factcheck: error: factcheck.yaml: invalid configuration\n")
    assert not (tmp_path / "a.yaml").exists()


def test_training_script_says_where_data_is(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_checkworthiness.py"), "--data", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr == (f"{tmp_path / 'train.json'}: not found. The ClaimBuster sentences live in "
                           f"../shared/data/claimbuster/ next to this repository; pass --data DIR to use another copy.\n")


@pytest.fixture
def claims_of_text(run, tmp_path):
    def extract(text: str) -> list[dict]:
        (tmp_path / "s.txt").write_text(text)
        r = run("extract", "s.txt", "-o", "s.yaml")
        assert (r.code, r.err) == (0, "")
        return yaml.safe_load((tmp_path / "s.yaml").read_text())["claims"]

    return extract


def test_status_sort_worth_puts_the_most_check_worthy_pending_claim_first(run, tmp_path):
    (tmp_path / "article.txt").write_text("x\n")
    head = "factcheck: 1\narticle:\n  path: article.txt\nclaims:\n"
    (tmp_path / "a.yaml").write_text(head + "  - {id: a-1, text: A., checkworthiness: 0.4, verifiable: 0.9, status: unchecked}\n")
    (tmp_path / "b.yaml").write_text(head + "  - {id: b-1, text: B., checkworthiness: 0.3, status: in-progress}\n"
                                            "  - {id: b-2, text: C., checkworthiness: 0.99, status: checked, verdict: 'true'}\n")
    (tmp_path / "c.yaml").write_text(head + "  - {id: c-1, text: D., checkworthiness: 0.8, status: unchecked}\n")
    r = run("status", "a.yaml", "b.yaml", "c.yaml", "--sort", "worth", "--format", "json")
    assert r.code == 0, r.err
    assert [w["path"] for w in json.loads(r.out)["worksheets"]] == ["c.yaml", "a.yaml", "b.yaml"]
    r = run("status", "a.yaml", "--sort", "value")
    assert r.code == 2


def test_converter_writes_the_test_part_as_score_sentences_tsv(tmp_path):
    # of every 20 ranges of 100 ids the last 3 are the test part: ids 1700..1999 are test, id 5 is training
    two = [{"sentence_id": 5, "label": 1, "text": "Taxes rose 3% last year."},
           {"sentence_id": 1705, "label": 1, "text": "Exports  fell by half\tin 2019."},
           {"sentence_id": 1710, "label": 0, "text": "Thank you all."},
           {"sentence_id": 1902, "label": 0, "text": "The mayor opened a bridge."}]
    three = [{"sentence_id": 1710, "label": -1, "text": "Thank you all."},
             {"sentence_id": 1902, "label": 0, "text": "The mayor opened a bridge."}]
    (tmp_path / "train.json").write_text(json.dumps(two))
    (tmp_path / "three_class.json").write_text(json.dumps(three))
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "claimbuster_tsv.py"), str(tmp_path / "cb"),
                           "--data", str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (f"wrote {tmp_path / 'cb'}-checkworthiness.tsv (3 sentences, 1 positive)\n"
                           f"wrote {tmp_path / 'cb'}-verifiable.tsv (2 sentences, 1 positive)\n")
    assert (tmp_path / "cb-checkworthiness.tsv").read_text() == (
        "group\ttext\tlabel\n"
        "cb0017\tExports fell by half in 2019.\t1\n"
        "cb0017\tThank you all.\t0\n"
        "cb0019\tThe mayor opened a bridge.\t0\n")
    assert (tmp_path / "cb-verifiable.tsv").read_text() == (
        "group\ttext\tlabel\n"
        "cb0017\tThank you all.\t0\n"
        "cb0019\tThe mayor opened a bridge.\t1\n")
    missing = subprocess.run([sys.executable, str(ROOT / "scripts" / "claimbuster_tsv.py"), str(tmp_path / "x"),
                              "--data", str(tmp_path / "nowhere")], capture_output=True, text=True)
    assert missing.returncode == 2
    assert missing.stderr == f"{tmp_path / 'nowhere' / 'train.json'}: not found; pass --data DIR with the ClaimBuster files.\n"
