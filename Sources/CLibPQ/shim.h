#ifndef PGPAIR_CLIBPQ_SHIM_H
#define PGPAIR_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
