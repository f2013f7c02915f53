/**
 * Erlang C against published figures, and Erlang A (M/M/n+M) against its Erlang C limit, its
 * known properties and a seeded discrete-event simulation of the same queue.
 */
import { describe, expect, it } from 'vitest';
import {
  erlangA,
  erlangB,
  erlangCServiceLevel,
  erlangCWaitProbability,
  serversNeeded,
  simulateQueue,
} from '../../../../src/core/metrics/forecast/index.ts';

describe('Erlang C', () => {
  it('matches published table and textbook values', () => {
    // Erlang B tables: 10 erlangs on 10 lines block 21.46 %.
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
    // M/M/3 at 2 erlangs: P(wait) = 4/9 exactly.
    expect(erlangCWaitProbability(2, 3)).toBeCloseTo(4 / 9, 12);
    // The contact-centre worked example: 100 calls in 30 min, 180 s handle time, 14 agents,
    // 20 s target: 17.41 % wait, 88.84 % answered within 20 s.
    expect(erlangCWaitProbability(10, 14)).toBeCloseTo(0.1741, 4);
    const sl = erlangCServiceLevel({
      arrivalRate: 100 / 1800,
      handleSeconds: 180,
      servers: 14,
      withinSeconds: 20,
    });
    expect(sl).toBeCloseTo(0.8884, 4);
  });

  it('stays finite where a^n / n! would overflow, and is 1 at or above capacity', () => {
    const c = erlangCWaitProbability(900, 1000);
    expect(Number.isFinite(c)).toBe(true);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(0.1);
    expect(erlangCWaitProbability(12, 12)).toBe(1);
  });
});

describe('Erlang A', () => {
  const example = { arrivalRate: 100 / 1800, handleSeconds: 180, servers: 14, withinSeconds: 20 };

  it('reduces to Erlang C as patience grows without bound', () => {
    const c = erlangCServiceLevel(example);
    for (const patience of [1e6, 1e8, 1e10]) {
      const a = erlangA({ ...example, patienceSeconds: patience });
      expect(Math.abs(a.serviceLevel - c)).toBeLessThan((20 * 180) / patience);
      expect(Math.abs(a.waitProbability - erlangCWaitProbability(10, 14))).toBeLessThan(
        (20 * 180) / patience,
      );
    }
    // No patience measured: Erlang C itself.
    expect(erlangA({ ...example, patienceSeconds: null }).serviceLevel).toBe(c);
  });

  it('answers more in time and staffs fewer as customers grow less patient', () => {
    const levels = [3600, 600, 120].map(
      (p) => erlangA({ ...example, patienceSeconds: p }).serviceLevel,
    );
    expect(levels[0]).toBeLessThan(levels[1]!);
    expect(levels[1]).toBeLessThan(levels[2]!);
    const target = { share: 0.8, withinSeconds: 20 };
    const demand = { arrivalRate: 100 / 1800, handleSeconds: 180 };
    const patient = serversNeeded({ ...demand, patienceSeconds: null }, target).servers;
    const impatient = serversNeeded({ ...demand, patienceSeconds: 60 }, target).servers;
    expect(impatient).toBeLessThan(patient);
  });

  it('stays finite when the load exceeds the servers (people give up instead)', () => {
    const a = erlangA({
      arrivalRate: 1,
      handleSeconds: 60,
      servers: 40,
      withinSeconds: 60,
      patienceSeconds: 120,
    });
    expect(a.waitProbability).toBeGreaterThan(0.9);
    // Throughput is at most 40 / 60 per second, so at least a third must give up.
    expect(a.abandonProbability).toBeGreaterThanOrEqual(1 / 3 - 1e-9);
    expect(a.serviceLevel).toBeGreaterThan(0);
    expect(a.serviceLevel).toBeLessThan(1);
  });

  it('handles a large team without overflow', () => {
    const a = erlangA({
      arrivalRate: 5,
      handleSeconds: 400,
      servers: 2100,
      withinSeconds: 60,
      patienceSeconds: 300,
    });
    for (const v of Object.values(a)) expect(Number.isFinite(v)).toBe(true);
    expect(a.serviceLevel).toBeGreaterThan(0.9);
  });

  it('finds the fewest servers that meet the target', () => {
    const demand = { arrivalRate: 60 / 3600, handleSeconds: 480, patienceSeconds: 300 };
    const target = { share: 0.8, withinSeconds: 60 };
    const { servers, performance } = serversNeeded(demand, target);
    expect(performance.serviceLevel).toBeGreaterThanOrEqual(0.8);
    const fewer = erlangA({ ...demand, servers: servers - 1, withinSeconds: 60 });
    expect(fewer.serviceLevel).toBeLessThan(0.8);
    expect(serversNeeded({ ...demand, arrivalRate: 0 }, target).servers).toBe(0);
  });

  // Seeded M/M/n+M simulations, 1,000 hours each: the model's service level and abandonment
  // are within 1.5 points of what the simulated customers had.
  it.each([
    { perHour: 60, handle: 480, patience: 300 },
    { perHour: 12, handle: 600, patience: 900 },
    { perHour: 200, handle: 300, patience: 120 },
    { perHour: 30, handle: 400, patience: null },
  ])('agrees with a simulation: $perHour an hour, $handle s, patience $patience s', (c) => {
    const demand = {
      arrivalRate: c.perHour / 3600,
      handleSeconds: c.handle,
      patienceSeconds: c.patience,
    };
    const { servers } = serversNeeded(demand, { share: 0.8, withinSeconds: 60 });
    for (const n of [servers - 1, servers]) {
      const model = erlangA({ ...demand, servers: n, withinSeconds: 60 });
      const sim = simulateQueue({
        hours: [{ arrivalsPerHour: c.perHour, servers: n }],
        repeat: 1000,
        handleSeconds: c.handle,
        patienceSeconds: c.patience,
        withinSeconds: 60,
        seed: 11,
      });
      expect(Math.abs(sim.serviceLevel - model.serviceLevel)).toBeLessThan(0.015);
      expect(Math.abs(sim.abandoned / sim.arrivals - model.abandonProbability)).toBeLessThan(0.01);
    }
  });
});
