#pragma once
// Process memory housekeeping.

namespace blastgraph {

// Hands memory the allocator holds but no longer uses back to the system. The allocator keeps
// freed memory for reuse, but a large block is always mapped anew, so after freeing a big
// structure of small pieces (parsed inputs) and before allocating big arrays (a frozen graph)
// both would otherwise stay resident at once. A no-op where the allocator cannot do it.
void release_free_memory();

}  // namespace blastgraph
