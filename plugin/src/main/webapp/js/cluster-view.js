/*
 * The Cluster Deploy cluster view: reads the JSON API (GET only) and renders applications, their clusters,
 * server groups and instance health, and the recent operations. Every value goes through textContent, never
 * innerHTML. Loaded as an external script (Jenkins' Content-Security-Policy forbids inline ones); settings arrive
 * through data-* attributes of the mount element.
 */
(function () {
  "use strict";

  var mount = document.getElementById("cluster-deploy-view");
  if (!mount) {
    return;
  }
  var api = mount.getAttribute("data-api-url");

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    if (className) {
      e.className = className;
    }
    return e;
  }

  function get(path) {
    return fetch(api + path, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(
      function (r) {
        return r.json().then(function (body) {
          if (!r.ok) {
            throw new Error(body && body.message ? body.message : "HTTP " + r.status);
          }
          return body;
        });
      }
    );
  }

  function table(headers, rows) {
    var t = el("table", null, "jenkins-table jenkins-table--small");
    var head = el("thead");
    var tr = el("tr");
    headers.forEach(function (h) {
      tr.appendChild(el("th", h));
    });
    head.appendChild(tr);
    t.appendChild(head);
    var body = el("tbody");
    rows.forEach(function (cells) {
      var row = el("tr");
      cells.forEach(function (c) {
        row.appendChild(el("td", c));
      });
      body.appendChild(row);
    });
    t.appendChild(body);
    return t;
  }

  function renderCluster(container, cluster) {
    container.appendChild(el("h3", cluster.name + " (" + cluster.account + " / " + cluster.location + ")"));
    var rows = (cluster.serverGroups || []).map(function (g) {
      var c = g.capacity || {};
      var n = g.instanceCounts || {};
      return [
        g.name,
        g.enabled ? "enabled" : "disabled",
        c.min + "/" + c.desired + "/" + c.max,
        (n.up || 0) + " up of " + (n.total || 0),
        g.artifact || "",
        (g.loadBalancers || []).join(", "),
        g.createdTime || ""
      ];
    });
    container.appendChild(
      table(["Server group", "State", "Capacity (min/desired/max)", "Instances", "Image", "Load balancers", "Created"], rows)
    );
  }

  function renderOperations(container, operations) {
    container.appendChild(el("h2", "Recent operations"));
    var rows = operations.slice(0, 20).map(function (o) {
      var last = o.steps && o.steps.length ? o.steps[o.steps.length - 1] : null;
      return [o.id, o.type, o.status, o.createdAt || "", last ? last.name + ": " + (last.message || last.status) : ""];
    });
    container.appendChild(table(["Operation", "Type", "Status", "Started", "Last step"], rows));
  }

  function showError(e) {
    mount.textContent = "";
    mount.appendChild(el("p", "Could not load the cluster view: " + e.message, "error"));
  }

  var wanted = new URLSearchParams(window.location.search).get("application");

  get("/applications")
    .then(function (apps) {
      var names = apps.map(function (a) {
        return a.name;
      });
      if (wanted && names.indexOf(wanted) >= 0) {
        names = [wanted];
      }
      return Promise.all(
        names.map(function (name) {
          return get("/applications/" + encodeURIComponent(name) + "/clusters").then(function (clusters) {
            return { name: name, clusters: clusters };
          });
        })
      ).then(function (byApp) {
        return get("/operations").then(function (ops) {
          return { apps: byApp, operations: ops };
        });
      });
    })
    .then(function (data) {
      mount.textContent = "";
      if (!data.apps.length) {
        mount.appendChild(el("p", "No application has server groups yet."));
      }
      data.apps.forEach(function (app) {
        mount.appendChild(el("h2", "Application " + app.name));
        app.clusters.forEach(function (c) {
          renderCluster(mount, c);
        });
      });
      renderOperations(mount, data.operations);
    })
    .catch(showError);
})();
