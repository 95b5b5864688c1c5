# One command to check everything: `make check` (lint, format, content, tests).
.PHONY: check lint content test screenshots

check: lint content test

lint:
	ruff check .
	ruff format --check .

content:
	python -m casebook check
	python -m casebook convert minusma --check

test:
	python -m pytest

screenshots:
	python scripts/screenshots.py
