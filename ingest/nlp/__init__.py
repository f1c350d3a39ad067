"""Entity extraction from Chinese patent text with a spaCy `zh` pipeline (jieba segmenter) and
registered rule components; see config/nlp/pipeline.cfg."""
