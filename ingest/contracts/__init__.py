"""Contracts: Word, PDF and text files become parties, roles, covered assets and terms."""
