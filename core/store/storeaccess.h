#pragma once

// The store's headers sit under core/, whose folder every layer has on its include path. The
// window and the item models must reach the store only through the facade (SyncController):
// their targets define VIGIL_NO_STORE_ACCESS, so that including any store header there fails to
// build instead of relying on habit.
#ifdef VIGIL_NO_STORE_ACCESS
#error "ui/ and models/ reach the store only through the facade (SyncController)"
#endif
