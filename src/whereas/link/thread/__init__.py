"""Following the thread: group motions -> joint motion -> text adopted, and demands across years."""
