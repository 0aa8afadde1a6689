package org.openvmi.transferplan.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * Plans one item over every warehouse as a minimum-cost flow (JGraphT's capacity scaling), in whole packs so the
 * flow is integral: each warehouse with excess supplies its packs, each warehouse with a need demands its packs
 * (rounded up). Arcs: excess → need for every lane (cost = lane cost per unit × pack size), BUY → need (the purchase
 * price per pack; a prohibitive cost when no source sells the item), and excess / BUY → DUMP at no cost for what is
 * not used. So a transfer is chosen only where it is cheaper than buying, the cheapest lanes first, splitting a need
 * over several sources when one has not enough; a source never gives more than its excess (never below its safety).
 * Compared against buying new in time as well as in money: a lane whose transit is longer than the item's purchase
 * lead time (when it can be bought, with a lead time) is left out — the stock would arrive after a new purchase — and
 * the purchase that fills the need instead names the fastest such lane ({@link ItemPlan.Purchase#slowLaneDays()}).
 */
public final class TransferOptimiser {

    /**
     * The cost per pack of a need no source can fill: above any real price (real costs are capped below it), so the
     * solver only uses it as a last resort; JGraphT treats 1e9 and more as infinite.
     */
    static final double UNCOVERED = 1e8;

    private static final double CAP = UNCOVERED / 2;
    /** Buying costs a hair more than an equally priced transfer, so ties use the stock already there. */
    private static final double TIE = 1e-6;

    private enum Kind {
        SOURCE,
        SINK,
        BUY,
        DUMP
    }

    private record Node(Kind kind, long warehouseId) {}

    private static final class Arc {
        final Lane lane;
        final double cost;
        final int capacity;

        Arc(Lane lane, double cost, int capacity) {
            this.lane = lane;
            this.cost = cost;
            this.capacity = capacity;
        }
    }

    public interface Lanes {
        Lane between(long from, long to);
    }

    public ItemPlan plan(ItemTerms terms, List<Stocking> stockings, Lanes lanes, int coverThresholdDays) {
        BigDecimal pack = terms.packSize();
        Map<Long, Integer> needPacks = new LinkedHashMap<>();
        Map<Long, NeedReason> needReasons = new HashMap<>();
        Map<Long, Integer> offerPacks = new LinkedHashMap<>();
        Map<Long, ExcessReason> offerReasons = new HashMap<>();
        for (Stocking s : stockings) {
            Balance.Need need = Balance.need(s, terms.leadTimeDays());
            if (need != null) {
                needPacks.put(
                        s.warehouseId(),
                        need.qty().divide(pack, 0, RoundingMode.CEILING).intValueExact());
                needReasons.put(s.warehouseId(), need.reason());
                continue;
            }
            Balance.Excess excess = Balance.excess(s, terms.leadTimeDays(), coverThresholdDays);
            if (excess != null) {
                int packs = excess.qty().divide(pack, 0, RoundingMode.FLOOR).intValueExact();
                if (packs > 0) {
                    offerPacks.put(s.warehouseId(), packs);
                    offerReasons.put(s.warehouseId(), excess.reason());
                }
            }
        }
        List<ItemPlan.Move> moves = new ArrayList<>();
        List<ItemPlan.Purchase> purchases = new ArrayList<>();
        if (needPacks.isEmpty()) {
            return new ItemPlan(moves, purchases);
        }
        Map<Long, Integer> bought = new LinkedHashMap<>(needPacks);
        Map<Long, Integer> slowLanes = new HashMap<>();
        Lanes usable = (from, to) -> {
            Lane lane = lanes.between(from, to);
            if (lane != null && slowerThanBuying(lane, terms)) {
                slowLanes.merge(to, lane.transitDays(), Math::min);
                return null;
            }
            return lane;
        };
        if (!offerPacks.isEmpty()) {
            solve(terms, usable, needPacks, offerPacks, (arcFrom, arcTo, lane, packs) -> {
                BigDecimal qty = pack.multiply(BigDecimal.valueOf(packs));
                moves.add(new ItemPlan.Move(
                        terms.itemId(),
                        arcFrom,
                        arcTo,
                        packs,
                        qty,
                        lane,
                        qty.multiply(lane.costPerUnit()),
                        terms.purchasePrice() == null ? null : qty.multiply(terms.purchasePrice()),
                        needReasons.get(arcTo),
                        offerReasons.get(arcFrom)));
                bought.merge(arcTo, -packs, Integer::sum);
            });
        }
        bought.forEach((warehouse, packs) -> {
            if (packs > 0) {
                BigDecimal qty = pack.multiply(BigDecimal.valueOf(packs));
                purchases.add(new ItemPlan.Purchase(
                        terms.itemId(),
                        warehouse,
                        packs,
                        qty,
                        terms.purchasePrice() == null ? null : qty.multiply(terms.purchasePrice()),
                        needReasons.get(warehouse),
                        slowLanes.get(warehouse)));
            }
        });
        moves.sort(java.util.Comparator.comparingLong(ItemPlan.Move::toWarehouseId)
                .thenComparingLong(ItemPlan.Move::fromWarehouseId));
        return new ItemPlan(moves, purchases);
    }

    /**
     * A lane slower than buying new: the item can be bought, its source has a lead time, and the lane's transit is
     * longer. (An item nobody sells keeps every lane: late stock is better than none.)
     */
    public static boolean slowerThanBuying(Lane lane, ItemTerms terms) {
        return terms.purchasePrice() != null && terms.leadTimeDays() > 0 && lane.transitDays() > terms.leadTimeDays();
    }

    private interface Flow {
        void move(long from, long to, Lane lane, int packs);
    }

    private static void solve(
            ItemTerms terms, Lanes lanes, Map<Long, Integer> needs, Map<Long, Integer> offers, Flow flow) {
        Graph<Node, Arc> graph = new DirectedPseudograph<>(null, null, true);
        Map<Node, Integer> supply = new HashMap<>();
        int totalNeed = needs.values().stream().mapToInt(Integer::intValue).sum();
        int totalOffer = offers.values().stream().mapToInt(Integer::intValue).sum();
        Node buy = new Node(Kind.BUY, 0);
        Node dump = new Node(Kind.DUMP, 0);
        graph.addVertex(buy);
        graph.addVertex(dump);
        supply.put(buy, totalNeed);
        supply.put(dump, -totalOffer);
        double packSize = terms.packSize().doubleValue();
        double buyCost = terms.purchasePrice() == null
                ? UNCOVERED
                : Math.min(CAP, terms.purchasePrice().doubleValue() * packSize) + TIE;
        graph.addEdge(buy, dump, new Arc(null, 0, totalNeed));
        for (var n : needs.entrySet()) {
            Node sink = new Node(Kind.SINK, n.getKey());
            graph.addVertex(sink);
            supply.put(sink, -n.getValue());
            graph.addEdge(buy, sink, new Arc(null, buyCost, n.getValue()));
        }
        for (var o : offers.entrySet()) {
            Node source = new Node(Kind.SOURCE, o.getKey());
            graph.addVertex(source);
            supply.put(source, o.getValue());
            graph.addEdge(source, dump, new Arc(null, 0, o.getValue()));
            for (var n : needs.entrySet()) {
                Lane lane = lanes.between(o.getKey(), n.getKey());
                if (lane != null) {
                    graph.addEdge(
                            source,
                            new Node(Kind.SINK, n.getKey()),
                            new Arc(
                                    lane,
                                    Math.min(CAP, lane.costPerUnit().doubleValue() * packSize),
                                    Math.min(o.getValue(), n.getValue())));
                }
            }
        }
        // JGraphT 1.5.3's capacity scaling reads the costs from the edge weights (it ignores a cost function)
        graph.edgeSet().forEach(a -> graph.setEdgeWeight(a, a.cost));
        MinimumCostFlowProblem<Node, Arc> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                graph, v -> supply.getOrDefault(v, 0), a -> a.capacity, a -> 0, a -> a.cost);
        MinimumCostFlowAlgorithm.MinimumCostFlow<Arc> answer =
                new CapacityScalingMinimumCostFlow<Node, Arc>().getMinimumCostFlow(problem);
        answer.getFlowMap().forEach((arc, value) -> {
            int packs = (int) Math.round(value);
            if (arc.lane != null && packs > 0) {
                flow.move(arc.lane.fromWarehouseId(), arc.lane.toWarehouseId(), arc.lane, packs);
            }
        });
    }
}
