"""The desk: escalation tickets now; the agent console and compliance review later."""
