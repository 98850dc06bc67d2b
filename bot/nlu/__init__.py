"""Custom Rasa NLU components: the text normaliser and the knowledge-base entity extractor."""
