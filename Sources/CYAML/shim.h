#ifndef HOSHIN_CYAML_SHIM_H
#define HOSHIN_CYAML_SHIM_H
#include <yaml.h>
#endif
