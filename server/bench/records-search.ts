// Records search benchmark: 100,000 generated signings on PostgreSQL, p50/p95 per query shape.
// Run: npm run bench -w @inkproof/server   (needs the local PostgreSQL; creates and drops its own database)
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { FIELD_CONTEXTS } from '../src/crypto/field-cipher';
import { queryRows } from '../src/db/query-rows';
import { searchSignings } from '../src/services/records/search-signings';
import type { TSearchSigningsInput } from '../src/services/records/search-signings.schema';
import { createTestApp } from '../test/helpers/test-app';

const SIGNINGS = Number(process.env.BENCH_SIGNINGS ?? 100_000);
const PATIENTS = Math.max(100, Math.round(SIGNINGS / 5));
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const KNOWN_ID = '110105198001010019';

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function generate(app: Awaited<ReturnType<typeof createTestApp>>['app']) {
  const db = app.db;
  const started = performance.now();
  const knownHash = app.cipher.lookupHash(KNOWN_ID, FIELD_CONTEXTS.patientIdNumber);
  await db.execute(sql`
    insert into patients (mrn, name, sex, ward_id, id_number_hash)
    select 'BM' || lpad(g::text, 7, '0'),
           (array['张','王','李','赵','刘','陈','杨','黄','周','吴'])[1 + g % 10] ||
           (array['建国','秀英','志强','丽华','小宝','明','芳','伟','静','磊','娜','军'])[1 + (g / 10) % 12] || (g % 97)::text,
           case when g % 2 = 0 then 'male' else 'female' end,
           (select id from wards order by code limit 1),
           case when g = 1 then ${knownHash} else md5('bench' || g) || md5('id' || g) end
    from generate_series(1, ${PATIENTS}) g`);
  await db.execute(sql`
    create temp table bench_patients as
    select row_number() over (order by mrn) as n, id from patients where mrn like 'BM%'`);
  await db.execute(sql`
    insert into envelopes (patient_id, ward_id, channel, status, expires_at, created_at, updated_at, completed_at)
    select p.id, (select id from wards order by code limit 1), 'device',
           (array['completed','completed','completed','sent','opened','signing','expired','cancelled','declined','failed'])[1 + g % 10],
           now() + interval '1 day',
           now() - (g * interval '7 minutes'), now(),
           case when g % 10 < 3 then now() - (g * interval '7 minutes') + interval '20 minutes' end
    from generate_series(1, ${SIGNINGS}) g join bench_patients p on p.n = 1 + (g % ${PATIENTS})`);
  await db.execute(sql`
    insert into documents (envelope_id, template_id, template_key, template_version, title, status, position)
    select e.id, t.id, t.key, t.version, t.title, case when e.status = 'completed' then 'signed' else 'rendered' end, 0
    from (select id, status, row_number() over (order by id) as n from envelopes) e
    join (select id, key, version, title, row_number() over (order by key) - 1 as k, count(*) over () as c from templates) t
      on t.k = e.n % t.c`);
  await db.execute(sql`
    insert into signers (envelope_id, role, name, position, status)
    select e.id, (array['patient','guardian','agent','near_relative'])[1 + (e.n % 4)::int], '签署人', 0,
           case when e.status = 'completed' then 'signed' else 'pending' end
    from (select id, status, row_number() over (order by id) as n from envelopes) e`);
  await db.execute(sql`
    insert into signers (envelope_id, role, name, position, status)
    select id, 'doctor', '医师', 1, 'pending' from envelopes where hashtext(id::text) % 3 = 0`);
  await db.execute(sql`analyze`);
  const [n] = await queryRows<{ n: string }>(db, sql`select count(*)::text as n from envelopes`);
  console.log(
    `generated ${n!.n} signings, ${PATIENTS} patients in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function main() {
  const t = await createTestApp('postgres');
  try {
    await generate(t.app);
    const [ward] = await queryRows<{ id: string }>(t.app.db, sql`select id from wards order by code limit 1`);
    const [tpl] = await queryRows<{ key: string }>(t.app.db, sql`select key from templates order by key limit 1`);
    const shapes: Record<string, TSearchSigningsInput> = {
      'newest page': {},
      'name substring': { query: '建国' },
      'MRN prefix': { query: 'BM000012' },
      'exact ID number': { idNumber: KNOWN_ID },
      'ward + status': { wardId: ward!.id, statuses: ['completed'] },
      'form type + role': { templateKey: tpl!.key, signerRole: 'guardian' },
      'date range (30 days)': {
        from: new Date(Date.now() - 30 * 86_400_000).toISOString(),
        to: new Date(Date.now() - 20 * 86_400_000).toISOString(),
      },
      'rare role (doctor) + status failed': { signerRole: 'doctor', statuses: ['failed'] },
    };
    const all: number[] = [];
    for (const [name, input] of Object.entries(shapes)) {
      const times: number[] = [];
      let page = await searchSignings(t.app, { ...input, limit: 25 });
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        page = await searchSignings(t.app, { ...input, limit: 25 });
        times.push(performance.now() - t0);
      }
      // A deep page through the keyset cursor costs the same as the first.
      if (page.nextCursor) {
        const t0 = performance.now();
        await searchSignings(t.app, { ...input, limit: 25, cursor: page.nextCursor });
        times.push(performance.now() - t0);
      }
      all.push(...times);
      console.log(
        `${name.padEnd(36)} rows=${String(page.rows.length).padStart(2)}  p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms`,
      );
    }
    console.log(
      `ALL (${all.length} queries)`.padEnd(44),
      `p50 ${percentile(all, 50).toFixed(1)} ms  p95 ${percentile(all, 95).toFixed(1)} ms`,
    );
  } finally {
    await t.cleanup();
  }
}

await main();
