#ifndef VAKTLOGG_CLIBPQ_SHIM_H
#define VAKTLOGG_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
