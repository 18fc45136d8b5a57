"""The pipeline that turns the source documents into the atkg graph."""
