import { describe, expect, it } from 'vitest';
import { columnMappingSchema, inferMapping } from '../../../src/main/engine/import/mapping';
import { col, ids } from './fixtures';

// Which files read as people rosters (one row per employee), and how their columns map.

function infer(fileName: string, columns: ReturnType<typeof col>[]) {
  const r = inferMapping({ fileName, headerShape: 'plain', columns, catalogue: [] });
  expect(columnMappingSchema.safeParse(r.mapping).success).toBe(true);
  return r;
}

const likert = (n: number) => col(`Q${n}`, ['1', '2', '3', '4', '5']);
const oneToFour = (name: string) => col(name, ['1', '2', '3', '4']);

describe('people rosters', () => {
  it('the IBM HR attrition shape: Attrition Yes/No, Department, EmployeeNumber, ratings', () => {
    const r = infer('WA_Fn-UseC_-HR-Employee-Attrition.csv', [
      col('Age', ['41', '49', '37', '33', '27']),
      col('Attrition', ['Yes', 'No', 'No', 'No', 'Yes']),
      col('BusinessTravel', ['Travel_Rarely', 'Travel_Frequently', 'Non-Travel']),
      col('DailyRate', ['1102', '279', '1373', '1392']),
      col('Department', ['Sales', 'Research & Development', 'Human Resources']),
      col('DistanceFromHome', ['1', '8', '2', '3']),
      col('Education', ['2', '1', '4', '5', '3']),
      col('EducationField', ['Life Sciences', 'Other', 'Medical']),
      col('EmployeeCount', ['1']),
      col('EmployeeNumber', ['1', '2', '4', '5', '7', '8', '10', '11', '12', '13']),
      oneToFour('EnvironmentSatisfaction'),
      col('Gender', ['Female', 'Male']),
      col('HourlyRate', ['94', '61', '92', '56']),
      oneToFour('JobInvolvement'),
      col('JobLevel', ['2', '1', '3', '4', '5']),
      col('JobRole', ['Sales Executive', 'Research Scientist', 'Laboratory Technician']),
      oneToFour('JobSatisfaction'),
      col('MaritalStatus', ['Single', 'Married', 'Divorced']),
      col('MonthlyIncome', ['5993', '5130', '2090']),
      col('Over18', ['Y']),
      col('OverTime', ['Yes', 'No']),
      col('PerformanceRating', ['3', '4']),
      oneToFour('RelationshipSatisfaction'),
      col('StandardHours', ['80']),
      col('StockOptionLevel', ['0', '1', '2', '3']),
      col('TotalWorkingYears', ['8', '10', '7', '0']),
      oneToFour('WorkLifeBalance'),
      col('YearsAtCompany', ['6', '10', '0', '8']),
    ]);
    expect(r.kind).toBe('people');
    expect(r.kindConfidence).toBeGreaterThanOrEqual(0.7);
    expect(r.mapping.columns).toEqual({
      employee_id: 'EmployeeNumber',
      unit_id: 'Department',
      has_left: 'Attrition',
    });
    const survey = r.alternatives.find((a) => a.kind === 'survey_responses');
    expect(survey?.confidence ?? 0).toBeLessThan(r.kindConfidence);
  });

  it('a BambooHR-like export: Employee #, names, e-mail, dates, status, sick days', () => {
    const r = infer('employees.csv', [
      col('Employee #', ids('B-', 30, 5)),
      col('First Name', ['Zebulon', 'Philippa', 'Octavius']),
      col('Last Name', ['Quackenbush', 'Wraxhall', 'Pennyfeather']),
      col('Work Email', ['z.q@acme.example', 'p.w@acme.example']),
      col('Department', ['Sales', 'Marketing', 'Support']),
      col('Job Title', ['Associate', 'Manager']),
      col('Hire Date', ['03/14/2019', '06/21/2021', '01/15/2020', '11/03/2025']),
      col('Termination Date', ['', '02/15/2024', '08/29/2025']),
      col('Status', ['Active', 'Terminated']),
      col('Sick Days', ['2', '0', '5', '1', '3']),
    ]);
    expect(r.kind).toBe('people');
    expect(r.kindConfidence).toBeGreaterThanOrEqual(0.8);
    expect(r.mapping.columns).toEqual({
      employee_id: 'Employee #',
      unit_id: 'Department',
      hire_date: 'Hire Date',
      leave_date: 'Termination Date',
      has_left: 'Status',
      absence_days: 'Sick Days',
    });
    expect(r.mapping.dateFormats.hire_date).toEqual(['%m/%d/%Y']);
    const why = Object.fromEntries(r.columns.map((c) => [c.column, c.why]));
    expect(why['First Name']).toMatch(/^personal data: not imported/);
    expect(why['Work Email']).toMatch(/^personal data: not imported/);
  });

  it('Start Date, Exit Date and Team read as a roster too', () => {
    const r = infer('staff list.xlsx', [
      col('Staff ID', ids('S', 40)),
      col('Team', ['Store 42', 'Store 7']),
      col('Start Date', ['2021-03-01', '2024-11-18']),
      col('Exit Date', ['', '2025-02-28']),
    ]);
    expect(r.kind).toBe('people');
    expect(r.mapping.columns).toEqual({
      employee_id: 'Staff ID',
      unit_id: 'Team',
      hire_date: 'Start Date',
      leave_date: 'Exit Date',
    });
  });

  it('HR metrics per unit and quarter stay hr_metrics', () => {
    const r = infer('hr_metrics.csv', [
      col('Unit ID', ['T-01', 'T-02']),
      col('Period', ['2025-Q1', '2025-Q2']),
      col('Headcount', ['12', '30']),
      col('Leavers', ['1', '0', '3']),
      col('Absence Days', ['10.5', '3']),
    ]);
    expect(r.kind).toBe('hr_metrics');
  });

  it('a survey export with an employee id and a department stays a survey', () => {
    const r = infer('engagement survey.csv', [
      col('Employee ID', ids('E', 40)),
      col('Department', ['Sales', 'Marketing']),
      col('Completed', ['2025-07-01', '2025-07-03']),
      ...[1, 2, 3, 4, 5, 6].map(likert),
    ]);
    expect(r.kind).toBe('survey_responses');
  });
});
