"""What runs the product: ``make run`` and its processes, the model, the tracker store."""
