"""Dataset adapters: one module per format a publisher distributes, each file in as claims."""
