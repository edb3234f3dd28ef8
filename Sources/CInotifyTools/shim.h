// libinotifytools for Swift: the library's header, plus what Swift cannot import from it directly
// (a flexible array member and function-like or composite macros).
#ifndef TEND_CINOTIFYTOOLS_SHIM_H
#define TEND_CINOTIFYTOOLS_SHIM_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/sysmacros.h>
#include <sys/inotify.h>
#include <inotifytools/inotifytools.h>

/// The `name` member of an event (a flexible array member Swift does not import); empty when `len` is 0.
static inline const char *tend_inotify_event_name(const struct inotify_event *event) {
    return event->len > 0 ? event->name : "";
}

/// IN_CLOSE (IN_CLOSE_WRITE | IN_CLOSE_NOWRITE).
static inline uint32_t tend_in_close(void) { return IN_CLOSE; }
/// IN_MOVE (IN_MOVED_FROM | IN_MOVED_TO).
static inline uint32_t tend_in_move(void) { return IN_MOVE; }
/// IN_ALL_EVENTS, every event a watch can report.
static inline uint32_t tend_in_all_events(void) { return IN_ALL_EVENTS; }

/// A device number in the kernel's own encoding (major << 20 | minor), the one /proc/self/fdinfo prints
/// as `sdev:` for each inotify watch; stat's st_dev uses glibc's different encoding.
static inline uint64_t tend_kernel_device(dev_t device) {
    return ((uint64_t)major(device) << 20) | (uint64_t)minor(device);
}

#endif
