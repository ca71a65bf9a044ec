# One task runner for people and CI. `make run` and `make test` do all set-up themselves.
.PHONY: run test setup lint format messages demo bench

setup:
	@scripts/bootstrap.sh

run:
	@scripts/run.sh

test:
	@scripts/test.sh

lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	PYTHONPATH=src .venv/bin/lint-imports --no-logo --no-cache

format: setup
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

# Refresh the cs/de/en message catalogues after changing user-facing strings, and compile them
# (the .mo files are committed: see scripts/bootstrap.sh).
messages: setup
	cd src/inducult && ../../.venv/bin/python ../../manage.py makemessages -l cs -l de -l en --no-obsolete --no-location --ignore=migrations
	.venv/bin/python manage.py compilemessages --ignore=.venv --verbosity 0

demo: setup
	.venv/bin/python manage.py migrate --noinput
	.venv/bin/python manage.py load_demo

bench: setup
	.venv/bin/python bench/run.py
