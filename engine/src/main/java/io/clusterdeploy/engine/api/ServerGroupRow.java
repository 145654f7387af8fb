package io.clusterdeploy.engine.api;

import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.secret.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A server group of a summarised read ({@code instances=summary}) as one row: its values in the order of
 * {@link #FIELDS}, which each cluster of the answer names once ({@code serverGroupFields}) beside its rows
 * ({@code serverGroupRows}). A big application's answer is mostly its groups, and as objects mostly their key names;
 * as rows each key is written once per cluster.
 *
 * <p>A field is a key of the full form's group; a dotted one ({@code capacity.min}) is a key of one of its objects.
 * What the cluster already says (cluster, account, location) and what the name and letters give (sequence,
 * instanceCounts) are not fields: a client fills them in (the cluster view's {@code completeGroups}). Clients read
 * the field list rather than assume positions, so a field may be added here without breaking them.
 */
final class ServerGroupRow {
    /** One field: its name and how a group's value is read. The order of this list is the row's. */
    private record Field(String name, Function<ServerGroup, Object> value) {
    }

    private static final List<Field> ORDER = List.of(
            new Field("name", ServerGroup::name),
            new Field("enabled", ServerGroup::enabled),
            new Field("capacity.min", sg -> sg.capacity().min()),
            new Field("capacity.desired", sg -> sg.capacity().desired()),
            new Field("capacity.max", sg -> sg.capacity().max()),
            new Field("instanceHealth", ServerGroupRow::instanceHealth),
            new Field("createdTime", sg -> sg.createdTime() == null ? null : sg.createdTime().toString()),
            new Field("artifact", sg -> Redaction.commandLine(sg.artifact())),
            new Field("loadBalancers", ServerGroup::loadBalancers),
            new Field("securityGroups", ServerGroup::securityGroups),
            new Field("tags", ServerGroup::tags));

    /** The names of a row's values, in order: a cluster's {@code serverGroupFields}. */
    static final List<String> FIELDS = ORDER.stream().map(Field::name).toList();

    private ServerGroupRow() {
    }

    /** The group's values in the order of {@link #FIELDS}. */
    static List<Object> of(ServerGroup sg) {
        List<Object> row = new ArrayList<>(ORDER.size());
        ORDER.forEach(f -> row.add(f.value().apply(sg)));
        return row;
    }

    /** Its instances' health, one letter each ({@link Views#letter}), in the group's order of instances. */
    private static String instanceHealth(ServerGroup sg) {
        StringBuilder health = new StringBuilder(sg.instances().size());
        sg.instances().forEach(i -> health.append(Views.letter(i.health())));
        return health.toString();
    }
}
