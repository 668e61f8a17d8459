"""The programme's rules and words, free of I/O: rules, policy, vocabulary, reasons, time."""
