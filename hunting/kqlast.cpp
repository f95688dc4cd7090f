#include "kqlast.h"

#include <vector>

namespace Vigil::Kql {

Node::~Node()
{
    std::vector<std::unique_ptr<Node>> pending;
    const auto adopt = [&pending](Node &node) {
        for (std::unique_ptr<Node> &kid : node.kids) {
            if (kid) // a kid may be left empty (an optional part)
                pending.push_back(std::move(kid));
        }
        node.kids.clear();
        if (node.inlined)
            pending.push_back(std::move(node.inlined));
    };
    adopt(*this);
    while (!pending.empty()) {
        std::unique_ptr<Node> node = std::move(pending.back());
        pending.pop_back();
        adopt(*node);
    } // each node is freed here, with no kids left to recurse into
}

} // namespace Vigil::Kql
