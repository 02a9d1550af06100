"""What the bot knows: foods and nutrition, feeding guidelines, embeddings and the LLM port."""
