"""The domain of study: plain Python, never Textual."""
