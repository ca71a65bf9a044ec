"""The format-free report document (context) and its two renderers, PDF and DOCX."""
