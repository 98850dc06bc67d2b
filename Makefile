# MingBao (明保) — the one entry point. `make help` lists the targets.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.mingbao-installed
export TF_CPP_MIN_LOG_LEVEL ?= 3
export PYTHONHASHSEED ?= 0
export RASA_TELEMETRY_ENABLED ?= false
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1
# The conversation tests use their own database, so they never touch the one make run serves.
TEST_DATABASE_URL := sqlite:///$(CURDIR)/var/test/mingbao.db

.DEFAULT_GOAL := help
.PHONY: help setup run shell ingest ask test lint typecheck unit integration browser conversation eval eval-kb eval-conversations wechat-demo bench bench-kb migration lock clean

help: ## List the make targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

$(STAMP): constraints.txt pyproject.toml scripts/setup.sh
	@scripts/setup.sh

setup: ## Create .venv (Python 3.10) and install the pinned dependencies; fast when done
	@scripts/setup.sh

run: $(STAMP) ## Ingest, train if stale, start Rasa + actions + chat page on localhost (Ctrl-C stops)
	@$(PY) -m bot.runtime.run

shell: $(STAMP) ## Ingest, train if stale, then chat with the assistant in the terminal
	@$(PY) -m bot.runtime.run --shell

ingest: $(STAMP) ## Ingest every clause document in data/policies/ into DATABASE_URL
	@$(PY) -m bot.knowledge ingest data/policies/*.md

ask: $(STAMP) ## Ask the knowledge base, e.g. make ask Q='原位癌算重疾吗' P=KN-CI-2024
	@$(PY) -m bot.knowledge ask $(if $(P),--product $(P)) $(if $(Q),"$(Q)")

test: $(STAMP) lint typecheck unit integration browser conversation ## Run every test layer (lint, types, unit, integration, browser, conversation)

lint: $(STAMP) ## ruff lint and format check
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .

typecheck: $(STAMP) ## mypy on bot/, actions/ and tools/
	@$(VENV)/bin/mypy

unit: $(STAMP) ## pytest: unit tests, no database, no model, no services (runs anywhere)
	@$(PY) -m pytest -q -m "not integration and not conversation and not browser"

integration: $(STAMP) ## pytest: SQLite, PostgreSQL (skipped with the reason when unreachable), loopback HTTP, processes
	@$(PY) -m pytest -q -m "integration and not conversation and not browser"

browser: $(STAMP) ## pytest: the chat page in headless Chromium (Debian's chromium, Playwright)
	@scripts/chromium.sh
	@$(PY) -m pytest -q -m "browser and not conversation"

conversation: $(STAMP) ## Train the small test model, run the conversation tests and the end-to-end tests (REST, chat page)
	@scripts/chromium.sh
	@DATABASE_URL=$(TEST_DATABASE_URL) $(PY) -m bot.runtime.run --prepare-only
	@DATABASE_URL=$(TEST_DATABASE_URL) $(PY) -m bot.runtime.model --test
	@DATABASE_URL=$(TEST_DATABASE_URL) $(VENV)/bin/rasa test core --model models/test/mingbao-test.tar.gz \
	  --stories tests/conversation/test_stories.yml --out reports/conversation \
	  --fail-on-prediction-errors
	@DATABASE_URL=$(TEST_DATABASE_URL) $(PY) -m pytest -q -m conversation

eval: $(STAMP) ## Held-out NLU report, conversation tests and answers over REST (writes reports/)
	@DATABASE_URL=sqlite:///$(CURDIR)/var/eval/mingbao.db $(PY) -m tools.evaluate

eval-kb: $(STAMP) ## Knowledge base on unseen clause documents: dev and held-out scores, dev failures (writes reports/eval-kb.json)
	@$(PY) -m tools.eval_kb

eval-conversations: $(STAMP) ## Unseen conversations over REST with the production model: dev and held-out (writes reports/eval-conversations.json)
	@DATABASE_URL=sqlite:///$(CURDIR)/var/eval/mingbao.db $(PY) -m tools.eval_conversations

wechat-demo: $(STAMP) ## A scripted WeChat customer via a local fake of WeChat: answers, hand-off, an agent's reply pushed, the bot again
	@$(PY) -m tools.wechat_demo

bench: $(STAMP) ## Assistant vs bare Rasa bot: latency, msg/s, memory, training time (writes reports/bench.json)
	@DATABASE_URL=sqlite:///$(CURDIR)/var/bench/mingbao.db $(PY) -m tools.bench

bench-kb: $(STAMP) ## Knowledge-base benchmark: ingest time and answer latency (writes reports/bench-kb.json)
	@$(PY) -m tools.bench_kb

# Autogenerate compares the tables in bot/ with a scratch database at the newest revision, so the
# new revision holds exactly the change, whatever state DATABASE_URL is in.
migration: $(STAMP) ## New schema revision from the table changes in bot/, e.g. make migration M='add claim channel'
	@test -n "$(M)" || { echo "usage: make migration M='what changed' (a short description)" >&2; exit 2; }
	@rm -rf var/migration
	@DATABASE_URL=sqlite:///$(CURDIR)/var/migration/scratch.db $(VENV)/bin/alembic upgrade head
	@DATABASE_URL=sqlite:///$(CURDIR)/var/migration/scratch.db $(VENV)/bin/alembic revision --autogenerate -m "$(M)"
	@rm -rf var/migration

lock: $(STAMP) ## Regenerate constraints.txt from the current .venv
	@{ echo "# Pinned set resolved for rasa 3.6.21 on Python 3.10 (pip freeze). Regenerate with: make lock"; \
	  $(VENV)/bin/pip freeze --exclude-editable; } > constraints.txt

clean: ## Remove the local database, reports and caches (keeps .venv)
	rm -rf var/*.db reports .pytest_cache .mypy_cache .ruff_cache
