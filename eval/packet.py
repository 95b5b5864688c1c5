"""Write the brief a coder of the evaluation corpus gets, and nothing else.

Run: python eval/packet.py OUT_DIR TEXT_ID [TEXT_ID ...]

OUT_DIR receives ``brief.md`` (eval/coding/instructions.md, then each theme's id, label
and definition copied from content/themes.yaml word for word) and ``paragraphs.yaml``
(for each text: its title and its paragraphs as id and text). Nothing of the tagging
rule goes in: no terms, no scores, no themes found. The coder answers in the labels
format of eval/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "eval" / "corpus"


def brief() -> str:
    """The instructions followed by the four definitions, as the coder reads them."""
    codebook = yaml.safe_load((ROOT / "content" / "themes.yaml").read_text(encoding="utf-8"))
    parts = [(ROOT / "eval" / "coding" / "instructions.md").read_text(encoding="utf-8")]
    for theme in codebook["themes"]:
        parts.append(f"### `{theme['id']}`: {theme['label']}\n\n{theme['definition'].strip()}\n")
    return "\n".join(parts)


def paragraphs(text_ids: list[str]) -> list[dict]:
    """Each text's title and paragraphs (id and text only)."""
    texts = []
    for text_id in text_ids:
        text = yaml.safe_load((CORPUS / f"{text_id}.yaml").read_text(encoding="utf-8"))
        texts.append(
            {
                "text": text_id,
                "title": text["title"],
                "paragraphs": [{"id": p["id"], "text": p["text"]} for p in text["paragraphs"]],
            }
        )
    return texts


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    (out / "brief.md").write_text(brief(), encoding="utf-8")
    dumped = yaml.safe_dump(paragraphs(argv[1:]), allow_unicode=True, sort_keys=False, width=100)
    (out / "paragraphs.yaml").write_text(dumped, encoding="utf-8")
    print(f"wrote {out / 'brief.md'} and {out / 'paragraphs.yaml'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
