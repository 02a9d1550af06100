"""The channel: Flask app factory, Twilio routes, parsing, intents, routing, replies and the CLI."""
from __future__ import annotations

import logging

from flask import Flask

from bot.config import Config, load_config


def create_app(config: Config | None = None, **services_options) -> Flask:
    """Build the web app; subsystems attach through init_app-style calls."""
    from bot import cli, log_privacy, private_files, webhook
    from bot.services import Services

    config = config or load_config()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # fpdf2's font subsetting logs ~150 INFO lines per PDF (the warm-up renders one): not ours to read.
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    log_privacy.install()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024  # Twilio's forms are small; refuse anything huge
    app.extensions["tinytummy"] = Services(config, **services_options)
    app.register_blueprint(webhook.bp)
    app.register_blueprint(private_files.bp)
    cli.init_app(app)
    return app
