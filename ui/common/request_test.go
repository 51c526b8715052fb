package common

import "testing"

// A superseded or abandoned request is cancelled and its late answer is
// not taken; only the newest one's is, once.
func TestRequestDropsAbandonedAnswers(t *testing.T) {
	var r Request
	first, seq1 := r.Start()
	second, seq2 := r.Start()
	if first.Err() == nil {
		t.Error("starting another did not cancel the first")
	}
	if r.Answered(seq1) || !r.Busy() {
		t.Fatal("the first request's answer was taken")
	}
	if !r.Answered(seq2) || r.Busy() {
		t.Fatal("the newest answer was not taken")
	}
	if second.Err() == nil {
		t.Error("an answered request kept its context")
	}
	_, seq3 := r.Start()
	r.Abandon()
	if r.Answered(seq3) || r.Busy() {
		t.Error("an abandoned request's answer was taken")
	}
}
