#pragma once
// Emits a HostCatalogue as the C++ source of iam::tables::catalogue_tables()
// (parsers/src/iam/catalogue_tables.hpp is the layout it follows).

#include <ostream>

#include "host_catalogue.hpp"

namespace blastgraph::iam_catalogue {

// Throws std::runtime_error when a count does not fit the table's field widths.
void write_tables(const HostCatalogue& catalogue, std::ostream& out);

}  // namespace blastgraph::iam_catalogue
