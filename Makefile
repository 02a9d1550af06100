# Quick start: `make run` (sets up .venv on first use, then web + worker + clock) and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app wsgi

.PHONY: run setup test chaos eval bench bench-nudges clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

setup: $(VENV)/.installed
	mkdir -p var
	$(FLASK) db upgrade
	$(FLASK) foods load
	$(FLASK) knowledge load

run: setup
	@echo ""
	@echo "TinyTummy is starting on http://127.0.0.1:5000 (SQLite in var/, jobs in-process, Chroma in var/chroma)."
	@echo "To text the bot, open another terminal here and run:"
	@echo "    $(FLASK) console                 # as SMS from +15551230001"
	@echo "    $(FLASK) console --whatsapp      # as WhatsApp"
	@echo ""
	HOST=127.0.0.1 PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/honcho start -f Procfile

test: $(VENV)/.installed
	$(PY) -m pytest

# The security and fault suite at full size (10,000 fuzzed webhooks, long outages, 256 slow clients);
# `make test` runs it at CI size. Outage tests start their own throwaway Redis and Postgres (initdb)
# on free ports and never stop the shared ones.
chaos: $(VENV)/.installed
	CHAOS_FUZZ=10000 CHAOS_FULL=1 $(PY) -m pytest -m chaos -p no:randomly -s

eval: $(VENV)/.installed
	$(PY) -m bot.intents_eval tests/data/intents_test.tsv

# The evening rush (tests/bench/evening_rush.py): the Procfile's web process on a throwaway Postgres
# database and a bare signed-TwiML responder under the same server settings, driven by wrk
# (`apt-get install -y wrk`) with Twilio-signed mixed traffic at 8 connections, then a burst of 500.
bench: $(VENV)/.installed
	@command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
	$(PY) -m tests.bench.evening_rush

bench-nudges: $(VENV)/.installed
	$(PY) -m tests.bench.nudges

clean:
	rm -rf var/*.db var/chroma
