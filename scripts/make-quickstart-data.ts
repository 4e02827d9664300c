/**
 * Generates data/quickstart/churn.csv: a synthetic telecom-churn table (seeded, so the file is
 * reproducible) with numeric, categorical, boolean and date columns, missing values and an id
 * column — enough to exercise profiling warnings and training in `modelwright quickstart`.
 * Run: `npx tsx scripts/make-quickstart-data.ts`.
 */
import { Rng } from '../src/common/random.js';
import { writeFileAtomic } from '../src/io/atomic-write.js';

const rng = new Rng(2026);
const N = 3000;
const plans = ['basic', 'standard', 'premium', 'family'];
const regions = ['north', 'south', 'east', 'west', 'central'];
const payment = ['card', 'bank_transfer', 'invoice', 'wallet'];
const lines = ['customer_id,signup_date,region,plan,payment_method,tenure_months,monthly_charges,support_calls,data_gb,has_partner,satisfaction,churn'];
for (let i = 0; i < N; i++) {
  const tenure = Math.max(1, Math.round(-Math.log(1 - rng.next()) * 24));
  const plan = plans[rng.nextInt(plans.length)];
  const region = regions[rng.nextInt(regions.length)];
  const pay = payment[rng.nextInt(payment.length)];
  const charges = 20 + plans.indexOf(plan) * 18 + rng.normal() * 6;
  const calls = Math.max(0, Math.round(rng.normal() * 1.5 + 1.5 + (plan === 'basic' ? 1 : 0)));
  const data = Math.max(0, rng.normal() * 8 + 12 + plans.indexOf(plan) * 4);
  const partner = rng.next() < 0.45;
  const satisfaction = rng.next() < 0.12 ? null : Math.min(10, Math.max(1, Math.round(7 - calls * 0.8 + rng.normal() * 1.5)));
  const signup = new Date(Date.UTC(2026, 9, 1) - tenure * 30.4 * 86400000);
  const logit = -1.2 - 0.05 * tenure + 0.03 * (charges - 50) + 0.45 * calls - (partner ? 0.5 : 0) + (pay === 'invoice' ? 0.6 : 0) - 0.25 * ((satisfaction ?? 5) - 5) + 0.4 * rng.normal();
  const churn = rng.next() < 1 / (1 + Math.exp(-logit)) ? 'yes' : 'no';
  lines.push(
    [
      `C${String(100000 + i)}`,
      signup.toISOString().slice(0, 10),
      region,
      plan,
      rng.next() < 0.03 ? '' : pay,
      tenure,
      charges.toFixed(2),
      calls,
      data.toFixed(1),
      partner ? 'true' : 'false',
      satisfaction ?? '',
      churn,
    ].join(','),
  );
}
await writeFileAtomic('data/quickstart/churn.csv', `${lines.join('\n')}\n`);
console.log(`wrote data/quickstart/churn.csv (${N} rows)`);
