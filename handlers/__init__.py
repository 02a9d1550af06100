"""One module per intent: what the bot says and does. Handlers never see Flask or Twilio."""
