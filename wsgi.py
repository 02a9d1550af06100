"""WSGI entry point: `gunicorn wsgi:app`; a bad setting stops start-up with one clear line."""
import sys

from bot import create_app
from bot.config import ConfigError

try:
    app = create_app()
except ConfigError as error:
    sys.exit(f"TinyTummy cannot start: {error}")
