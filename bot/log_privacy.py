"""Keep phone numbers and message text out of the logs, whatever logs them.

Installed once per process (`install()`, called by the app factory): every log record is scrubbed
as it is created, so every handler (gunicorn's, RQ's, the console) sees the same clean text.
Phone numbers are masked (`+1415***0134`), SQL parameter dumps and the values in Postgres'
`Key (...)=(...)` details are dropped, and tracebacks are scrubbed the same way. SQLAlchemy
engines also run with hide_parameters=True (storage/db.py), so parameters are not dumped at all.
"""
from __future__ import annotations

import logging
import re

from knowledge.phones import mask

_PHONE = re.compile(r"(?:whatsapp:)?\+\d{7,15}(?!\d)", re.I)
_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\n|$)|\[parameters: .*", re.S)
_KEY_DETAIL = re.compile(r"(Key \([^)]*\))=\((?:[^()]|\([^()]*\))*\)")
_LINK_TOKEN = re.compile(r"(/(?:plans|files|page)/)[A-Za-z0-9_-]{16,}")  # private links: the token is the key
_formatter = logging.Formatter()
_installed = False


def scrub(text: str) -> str:
    """Mask phone numbers and drop SQL parameters and key values from one piece of log text."""
    text = _PARAMETERS.sub("[parameters hidden]", text)
    text = _KEY_DETAIL.sub(r"\1=(hidden)", text)
    text = _LINK_TOKEN.sub(r"\1[token]", text)
    return _PHONE.sub(lambda m: mask(m.group(0)), text)


def install() -> None:
    """Scrub every log record created in this process from now on (idempotent)."""
    global _installed
    if _installed:
        return
    make_record = logging.getLogRecordFactory()

    def scrubbed_record(*args, **kwargs) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        try:
            record.msg, record.args = scrub(record.getMessage()), ()
        except Exception:  # a bad format string: keep the record, not its arguments
            record.msg, record.args = scrub(str(record.msg)), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = scrub(_formatter.formatException(record.exc_info))
        return record

    logging.setLogRecordFactory(scrubbed_record)
    _installed = True
