// What Swift's Glibc module leaves out on Linux: epoll, and accept4 (declared by
// <sys/socket.h> only under _GNU_SOURCE, which that module is not built with). A
// system-library target: a header, no code and no library to link (glibc has both). On
// other systems it is empty.
#ifdef __linux__
#include <sys/epoll.h>
// Declared with its own types (socklen_t is an unsigned int) rather than by including
// <sys/socket.h>, which would take socket declarations away from the Glibc module.
struct sockaddr;
extern int accept4(int socket, struct sockaddr *address, unsigned int *length, int flags);
#endif
