"""Readers and bad inputs: every input is accounted for, the run goes on, the exit status tells."""

import json

from conftest import SAMPLES, run_cli

GOOD = "Clashes in Goma\n\nM23 rebels clashed with Congolese troops near Goma on Monday, the army said.\n"


def test_txt_title_and_body_offsets(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    code, recs, _ = run_cli("extract", str(f), "--published", "2024-02-12", "-q", "-j", "1")
    assert code == 0
    r = recs[0]
    assert r["title"] == "Clashes in Goma"
    assert r["text"].startswith("M23 rebels")
    assert r["published"] == "2024-02-12"
    ev = r["events"][0]
    assert r["text"][ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]


def test_html_through_trafilatura(tmp_path):
    f = tmp_path / "page.html"
    body = "".join(f"<p>Paragraph {i}: Somali troops repelled an al-Shabaab attack on a base near Mogadishu, "
                   f"officials said on Sunday.</p>" for i in range(4))
    f.write_text(f"<html><head><title>Attack repelled</title><meta property='article:published_time' "
                 f"content='2024-01-07'></head><body><nav>Menu</nav><article><h1>Attack repelled</h1>{body}"
                 f"</article><footer>Copyright</footer></body></html>", encoding="utf-8")
    code, recs, _ = run_cli("extract", str(f), "-q", "-j", "1")
    assert code == 0
    r = recs[0]
    assert "al-Shabaab" in r["text"]
    assert "Copyright" not in r["text"]
    assert r["published"] == "2024-01-07"
    assert r["events"]


def test_jsonl_on_stdin_keeps_ids_and_order():
    lines = [json.dumps({"id": f"d{i}", "text": "Iraqi forces arrested five ISIS suspects in Mosul.",
                         "published": "2019-04-01"}) for i in range(5)]
    code, recs, _ = run_cli("extract", "-", "-q", "-j", "2", "--batch-size", "2", stdin="\n".join(lines) + "\n")
    assert code == 0
    assert [r["id"] for r in recs] == [f"d{i}" for i in range(5)]
    assert all(r["events"] for r in recs)


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path):
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "latin1.txt").write_bytes("Title\n\nLes manifestants ont d\xe9fil\xe9 \xe0 Paris.".encode("latin-1"))
    (tmp_path / "broken.html").write_text("<html><body><div><p></div></span>", encoding="utf-8")
    (tmp_path / "docs.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Kenyan police arrested 30 protesters in Nairobi."}) + "\n"
        + '{"id": "j2", "text": "unterminated\n'
        + json.dumps({"id": "j3", "title": "no text"}) + "\n"
        + json.dumps({"id": "j4", "text": "Israeli jets struck Gaza.", "published": "not a date"}) + "\n",
        encoding="utf-8")
    big = tmp_path / "huge.txt"
    with big.open("w", encoding="utf-8") as fh:
        fh.write("Huge\n\n")
        line = "Rebels attacked a police station in the north and were repelled by the army. " * 100 + "\n"
        while fh.tell() < 20_000_000:
            fh.write(line)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 fake")
    code, recs, err = run_cli("extract", str(tmp_path), str(tmp_path / "missing.txt"), "-j", "1")
    assert code == 1
    by_input = {r["input"].split("/")[-1]: r for r in recs}
    errors = {k: r["errors"][0]["code"] for k, r in by_input.items() if not r["ok"]}
    assert errors == {
        "empty.txt": "T001", "binary.txt": "T002", "latin1.txt": "T003", "broken.html": "T007",
        "docs.jsonl:2": "T005", "docs.jsonl:3": "T006", "huge.txt": "T004", "notes.pdf": "T010",
        "missing.txt": "T009",
    }
    assert by_input["ok.txt"]["ok"] and by_input["ok.txt"]["events"]
    assert by_input["docs.jsonl:1"]["ok"]
    j4 = by_input["docs.jsonl:4"]
    assert j4["ok"] and j4["published"] is None and j4["errors"][0]["code"] == "T008"
    assert "huge.txt" in err and "T004" in err
    for r in recs:
        if not r["ok"]:
            assert r["input"].split("/")[-1].split(":")[0] in r["errors"][0]["message"]


def test_all_samples_process(tmp_path):
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli("extract", str(SAMPLES), "--out", str(out), "-j", "2")
    assert code == 0, err
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) >= 20
    assert all(r["published"] for r in recs)
    assert sum(len(r["events"]) for r in recs) >= 60


def test_help_and_stages():
    import subprocess
    import sys
    p = subprocess.run([sys.executable, "-m", "tacitus.cli", "--help"], capture_output=True, text=True)
    assert p.returncode == 0 and "extract" in p.stdout
    p = subprocess.run([sys.executable, "-m", "tacitus.cli", "stages"], capture_output=True, text=True)
    assert p.returncode == 0
    for stage in ("tacitus_actors", "tacitus_events", "tacitus_assemble"):
        assert stage in p.stdout


def test_python_api_extract_many():
    import tacitus

    arts = list(tacitus.extract_many([
        {"id": "a", "text": "Ethiopian troops clashed with Fano militiamen in Amhara.", "published": "2023-08-04"},
        "Kenya and Somalia signed a security agreement on Monday.",
    ], n_process=1))
    assert [a.id for a in arts][0] == "a"
    assert arts[0].events and arts[1].events


def test_out_creates_its_folder(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "new" / "folder" / "out.jsonl"
    code, _, _ = run_cli("extract", str(src), "--out", str(out), "-q", "-j", "1")
    assert code == 0 and out.exists()
