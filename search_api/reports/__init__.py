"""Due-diligence reports rendered for people: HTML from a template, PDF from the HTML."""
