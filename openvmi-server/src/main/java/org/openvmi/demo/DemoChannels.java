package org.openvmi.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.channels.ChannelOrderRequest;
import org.openvmi.channels.ChannelOrders;
import org.openvmi.channels.ChannelRequest;
import org.openvmi.channels.Channels;
import org.openvmi.demo.model.DemoCatalog;
import org.openvmi.demo.model.PlantYear.Pair;
import org.openvmi.transferplan.TransferLaneRequest;
import org.openvmi.transferplan.TransferLanes;
import org.openvmi.transferplan.TransferPlanRequest;
import org.openvmi.transferplan.TransferPlans;
import org.springframework.stereotype.Component;

/**
 * Today's sales channels and transfer lanes of the demo plant, through the channels and transferplan use cases: an
 * online shop served first from Shanghai and Shenzhen (30 % of the pool, paused below a line), the stores drawing on
 * Shenzhen and Chengdu, a B2B channel on all three; a few open channel orders (reservations of a few units of items
 * with ample stock, so the planner's figures do not move); lanes both ways between the three warehouses with a cost
 * per unit and transit days; and one computed transfer plan (not accepted: it moves nothing).
 */
@Component
class DemoChannels {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoChannels.class);

    /** Summary for the log and the tests. */
    record Result(int channels, int orders, int lanes, long plan) {}

    private static final String SH = DemoCatalog.WAREHOUSES.get(0).code();
    private static final String SZ = DemoCatalog.WAREHOUSES.get(1).code();
    private static final String CD = DemoCatalog.WAREHOUSES.get(2).code();

    private final Channels channels;
    private final ChannelOrders orders;
    private final TransferLanes lanes;
    private final TransferPlans plans;

    DemoChannels(Channels channels, ChannelOrders orders, TransferLanes lanes, TransferPlans plans) {
        this.channels = channels;
        this.orders = orders;
        this.lanes = lanes;
        this.plans = plans;
    }

    Result seed(List<Pair> pairs) {
        channel("ONLINE", "网店", 1, List.of(SH, SZ), new BigDecimal("30"), new BigDecimal("2"), new BigDecimal("1"));
        channel("STORES", "门店", 2, List.of(SZ, CD), null, BigDecimal.ZERO, null);
        channel("B2B", "B2B 大客户", 3, List.of(SH, SZ, CD), new BigDecimal("20"), BigDecimal.ZERO, null);
        int placed = placeOrders(pairs);
        int lanesMade = 0;
        lanesMade += lane(SH, SZ, "0.80", 2) + lane(SZ, SH, "0.80", 2);
        lanesMade += lane(SH, CD, "1.50", 4) + lane(CD, SH, "1.50", 4);
        lanesMade += lane(SZ, CD, "1.20", 3) + lane(CD, SZ, "1.20", 3);
        long plan = plans.create(new TransferPlanRequest(null, null, null)).id();
        return new Result(3, placed, lanesMade, plan);
    }

    private void channel(
            String code,
            String name,
            int priority,
            List<String> warehouses,
            BigDecimal percentage,
            BigDecimal safetyBuffer,
            BigDecimal pauseBelow) {
        channels.create(new ChannelRequest(
                code, name, priority, warehouses, percentage, null, safetyBuffer, pauseBelow, "ACTIVE"));
    }

    /**
     * Two or three lines per order of the own items stocked furthest above two weeks' demand in every warehouse, one
     * to three units each.
     */
    private int placeOrders(List<Pair> pairs) {
        java.util.Map<String, List<Pair>> byItem = new java.util.TreeMap<>();
        pairs.forEach(p ->
                byItem.computeIfAbsent(p.item.code(), k -> new ArrayList<>()).add(p));
        List<Pair> ample = byItem.values().stream()
                .filter(ofItem -> ofItem.stream().noneMatch(p -> p.vmi) && margin(ofItem) >= 3)
                .sorted((a, b) -> Long.compare(margin(b), margin(a)))
                .limit(8)
                .map(ofItem -> ofItem.get(0))
                .toList();
        if (ample.size() < 6) {
            return 0;
        }
        String[][] orderIds = {
            {"ONLINE", "TB-20260001"}, {"ONLINE", "TB-20260002"}, {"STORES", "POS-0317"}, {"B2B", "SO-B2B-0042"}
        };
        int placed = 0;
        for (int o = 0; o < orderIds.length; o++) {
            List<ChannelOrderRequest.Line> lines = new ArrayList<>();
            for (int k = 0; k < 2 + o % 2; k++) {
                Pair p = ample.get((o * 5 + k * 3) % ample.size());
                if (lines.stream().noneMatch(l -> l.item().equals(p.item.code()))) {
                    lines.add(new ChannelOrderRequest.Line(p.item.code(), BigDecimal.valueOf(1 + (o + k) % 3)));
                }
            }
            try {
                orders.place(orderIds[o][0], new ChannelOrderRequest(orderIds[o][1], lines));
                placed++;
            } catch (RuntimeException e) {
                // a demo order the channel cannot sell is left out; the seeding goes on
                log.warn("Demo channel order {} not placed: {}", orderIds[o][1], e.getMessage());
            }
        }
        return placed;
    }

    /** The least stock of an item's warehouses above two weeks of their demand. */
    private static long margin(List<Pair> ofItem) {
        long least = Long.MAX_VALUE;
        for (Pair p : ofItem) {
            least = Math.min(least, p.onHand - 2 * p.nextWeek());
        }
        return least;
    }

    private int lane(String from, String to, String costPerUnit, int transitDays) {
        lanes.create(new TransferLaneRequest(from, to, new BigDecimal(costPerUnit), transitDays, null));
        return 1;
    }
}
