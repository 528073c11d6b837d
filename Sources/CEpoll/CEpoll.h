// Linux's epoll, which the toolchain's Glibc module does not include. A system-library
// target only: a header, no code and no library to link. On other systems it is empty.
#ifdef __linux__
#include <sys/epoll.h>
#endif
