# One command to check everything: `make check` (lint, format, content, tests).
.PHONY: check lint content test screenshots

check: lint content test

lint:
	ruff check .
	ruff format --check .

content:
	python -m casebook check
	python -m casebook convert minusma --check

# two workers, each test file on one of them (a file's tests share its server and browser)
test:
	python -m pytest -n 2 --dist loadfile

screenshots:
	python scripts/screenshots.py
