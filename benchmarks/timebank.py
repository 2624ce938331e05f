"""Score wiretrace.time on the TimeBank/AQUAINT development set (TempEval-3 measures).

    .venv/bin/python benchmarks/timebank.py [EXPORT_DIR] [--verbose] [--gold DIR] [--parse]

Exports the .tml files with ``timeml.py export`` into a temporary folder (or
reads EXPORT_DIR if given), tags every text with ``tag_timexes(text, dct)``,
writes the FORMAT.md JSONL and runs ``score_timex.py`` on it. ``--parse``
lends each text's spaCy parse to the tagger, as ``wiretrace ingest`` does
(the verb's tense then decides bare weekdays and months); the time spent
parsing is not counted in the tagging time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from wiretrace.pipeline import load_model
from wiretrace.time import tag_timexes

SHARED = Path(__file__).resolve().parents[2] / "shared"


def export(gold: Path, out: Path) -> None:
    subprocess.run(
        [sys.executable, str(SHARED / "eval" / "timeml.py"), "export", str(gold), str(out)],
        check=True,
        capture_output=True,
    )


def write_run(export_dir: Path, pred: Path, nlp: Any = None) -> tuple[int, float]:
    """Tag every exported text into ``pred``; returns (words, seconds spent tagging)."""
    dcts = dict(line.split("\t", 1) for line in (export_dir / "dct.tsv").read_text().splitlines() if line)
    words, spent = 0, 0.0
    with pred.open("w", encoding="utf-8") as f:
        for stem, dct in sorted(dcts.items()):
            path = export_dir / "text" / f"{stem}.txt"
            text = path.read_text(encoding="utf-8")
            doc = nlp(text) if nlp else None
            t0 = time.perf_counter()
            timexes = tag_timexes(text, dct.strip(), doc)
            spent += time.perf_counter() - t0
            words += len(text.split())
            f.write(
                json.dumps({"type": "article", "id": stem, "source": str(path), "pub_date": dct.strip()})
                + "\n"
            )
            for t in timexes:
                f.write(
                    json.dumps(
                        {
                            "type": "timex",
                            "article": stem,
                            "start": t.start,
                            "end": t.end,
                            "text": t.text,
                            "timex_type": t.type,
                            "value": t.value,
                        }
                    )
                    + "\n"
                )
    return words, spent


def score(gold: Path, pred: Path, extra: list[str]) -> str:
    cmd = [sys.executable, str(SHARED / "eval" / "score_timex.py"), str(gold), str(pred), *extra]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export_dir", nargs="?", type=Path)
    ap.add_argument("--gold", type=Path, default=SHARED / "corpus" / "timebank")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--parse", action="store_true", help="lend the spaCy parse to the tagger")
    a = ap.parse_args()
    nlp = load_model() if a.parse else None
    with tempfile.TemporaryDirectory() as tmp:
        export_dir = a.export_dir or Path(tmp) / "export"
        if a.export_dir is None:
            export(a.gold, export_dir)
        pred = Path(tmp) / "pred.jsonl"
        words, spent = write_run(export_dir, pred, nlp)
        extra = [flag for flag, on in (("--verbose", a.verbose), ("--json", a.json)) if on]
        print(score(a.gold, pred, extra))
    print(
        f"tagging: {words} words in {spent:.2f} s"
        f" = {1e6 * spent / max(words, 1):.1f} ms per 1000 words"
    )


if __name__ == "__main__":
    main()
