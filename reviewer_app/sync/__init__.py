"""Between the workstation's journal and the shared database: claims, pull, push."""
