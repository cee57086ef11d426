"""ReportLab printouts: summaries (monthly, annual) and case documents, in Chinese layout."""
