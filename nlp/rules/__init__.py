"""The rule engine: rules are YAML data (``nlp/rules/*.yaml``); Python holds the kinds of checks."""
