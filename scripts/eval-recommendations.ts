/**
 * `npm run eval:recommendations`: builds a synthetic population of parents with preferences the
 * model cannot see, replays what a new installation would show them and what they chose, trains
 * the recommender on that log and prints NDCG@10 on held-out parents for the learned model, the
 * prior weights it started from, and the distance-only and popularity baselines.
 * Offline and deterministic (seeded); not part of `npm test` (its unit test runs a smaller one).
 */
import { FEATURES } from '@app/modules/recommendations/engine/features';
import { PRIOR_WEIGHTS } from '@app/modules/recommendations/engine/model';
import { evaluate, HIDDEN_PREFERENCES, syntheticPopulation } from '@app/modules/recommendations/engine/synthetic';

const seedArg = process.argv.indexOf('--seed');
const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 2026;
const population = syntheticPopulation({ seed });
const started = Date.now();
const { rows, learned } = evaluate(population);

console.log(`Synthetic population (seed ${seed}): ${population.log.length} choice sets for training,`);
console.log(
  `${population.heldOut.length} held-out parents with 30 candidates each; trained in ${Date.now() - started} ms\n`,
);
console.log('| ranker | NDCG@10 |');
console.log('|---|---|');
for (const row of rows) console.log(`| ${row.ranker} | ${row.ndcg10.toFixed(3)} |`);
console.log('\n| feature | prior | learned | hidden (relative) |');
console.log('|---|---|---|---|');
for (const f of FEATURES) {
  console.log(
    `| ${f} | ${PRIOR_WEIGHTS[f].toFixed(2)} | ${learned[f].toFixed(2)} | ${HIDDEN_PREFERENCES[f].toFixed(2)} |`,
  );
}
const best = rows[0]!.ndcg10;
const beaten = rows.slice(1).every((r) => best > r.ndcg10);
console.log(`\nThe learned model ${beaten ? 'beats' : 'DOES NOT beat'} every other ranker.`);
process.exit(beaten ? 0 : 1);
